def fast(items):
    return [item for item in items]
