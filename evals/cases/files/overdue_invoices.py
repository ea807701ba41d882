import datetime


def has_overdue_invoice(invoices, today):
    """Runs for every customer row of the billing dashboard; large customers have 100,000+ invoices."""
    return any([invoice.due < today and not invoice.paid for invoice in invoices])


def overdue_total(invoices, today):
    """Runs once per dashboard request, over the same invoices."""
    total = 0
    for invoice in invoices:
        if invoice.due < today and not invoice.paid:
            total += invoice.amount
    return total


def dashboard_date():
    return datetime.date.today()
