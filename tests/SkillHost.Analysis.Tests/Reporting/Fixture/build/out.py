for x in xs:
    slow(x)
