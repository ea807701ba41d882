slow(1)
