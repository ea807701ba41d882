def error_rate(path):
    """Runs over the day's access log: several GB, one request per line."""
    errors = 0
    total = 0
    for line in open(path).readlines():
        total += 1
        if " 500 " in line:
            errors += 1
    return errors / max(total, 1)
