# The cases ruff documents for C419 (unnecessary-comprehension-in-call: its fixtures C419.py and, in preview, sum/min/max),
# rewritten inside functions. `peer:` marks a line ruff flags; `ours:`/`not ours:` explain the differences.


def stable(bar):
    a = any([x.id for x in bar])  # peer: C419  # expect: PY002
    b = all([x.id for x in bar])  # peer: C419  # expect: PY002
    c = any(  # first comment
        [x.id for x in bar],  # second comment  # peer: C419  # expect: PY002
    )  # third comment
    d = all(  # first comment
        [x.id for x in bar],  # second comment  # peer: C419  # expect: PY002
    )  # third comment
    e = any({x.id for x in bar})  # peer: C419  # expect: PY002
    f = all({x.id for x in bar})  # peer: C419  # expect: PY002
    return a, b, c, d, e, f


def preview(bar):
    return (
        sum([x.val for x in bar]),  # peer: C419  # expect: PY002
        min([x.val for x in bar]),  # peer: C419  # expect: PY002
        max([x.val for x in bar]),  # peer: C419  # expect: PY002
    )


def comments(bar):
    first = any(
        [  # lbracket comment  # peer: C419  # expect: PY002
            # second line comment
            i.bit_count()
            # random middle comment
            for i in range(5)  # rbracket comment
        ]  # rpar comment
        # trailing comment
    )
    second = any([  # lbracket comment  # peer: C419  # expect: PY002
            # second line comment
            i.bit_count() for i in range(5)  # rbracket comment
        ]  # rpar comment
    )
    return first, second


# OK
def generators(bar):
    return (
        all(x.id for x in bar),
        any(x.id for x in bar),
        all((x.id for x in bar)),
        sum(x.val for x in bar),
        min(x.val for x in bar),
        max(x.val for x in bar),
    )


def duplicates_matter(bar):
    # a set comprehension drops duplicates: the sum changes without it
    return sum({x.val for x in bar})


async def awaited(greetings, use_greeting):
    # `await` in a generator expression makes an async generator, which `all` cannot consume
    return all([await use_greeting(greeting) for greeting in await greetings()])


def shadowed(any, bar):
    return any([x.id for x in bar])
