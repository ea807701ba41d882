def slow(x):
    return x


def normalise(x):
    return slow(x).strip()
