def unique_emails(contacts):
    """Deduplicates the contacts of an import (50,000 rows is typical)."""
    seen = []
    result = []
    for contact in contacts:
        email = contact["email"].strip().lower()
        if email not in seen:
            seen.append(email)
            result.append(contact)
    return result
