# comment at the top

def f(a,
      b):  # implicit joining inside brackets
    x = a + \
        b
    if x:
	return x  # a tab: column 8
    return [
        1,

        2,
    ]


class C:
    def m(self): pass
    # comment-only line at another indent
        # and another
    def n(self):
        while True:
            break
x = 1
