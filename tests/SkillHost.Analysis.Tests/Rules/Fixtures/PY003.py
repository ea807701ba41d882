class Tick:
    def __init__(self, symbol, price, volume):
        self.symbol = symbol
        self.price = price
        self.volume = volume


@dataclass
class Point:
    x: float
    y: float


class Child(Tick):
    def __init__(self, symbol):
        super().__init__(symbol, 0, 0)
        self.extra = 1


def parse_ticks(rows):
    return [Tick(r[0], float(r[1]), int(r[2])) for r in rows]  # expect: PY003


def points(pairs):
    out = []
    for x, y in pairs:
        out.append(Point(x, y))  # expect: PY003
    return out


def children(symbols):
    for s in symbols:
        yield Child(s)  # expect: PY003


def chained_causes(exc):
    stacks = []
    while True:
        stack = Tick(exc, 0, 0)  # expect: PY003
        stacks.append(stack)
        if exc.cause:
            exc = exc.cause
            continue
        break
    return stacks


class Quote:
    def __init__(self, symbol, bid, ask):
        self.symbol = symbol
        self.bid = bid
        self.ask = ask

    @classmethod
    def from_rows(cls, rows):
        return [cls(r[0], r[1], r[2]) for r in rows]  # expect: PY003


def quotes(rows):
    return list(map(Quote, rows))  # expect: PY003


# OK
class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


@dataclass(slots=True)
class SlottedPoint:
    x: float
    y: float


class Payment(msgspec.Struct):
    user: str
    amount: int


class Pair(NamedTuple):
    left: int
    right: int


class Color(Enum):
    RED = 1


class ParseError(Exception):
    def __init__(self, line):
        self.line = line


class Empty:
    pass


def build(rows):
    slotted = [Slotted(r, r) for r in rows]
    pts = [SlottedPoint(r, r) for r in rows]
    pays = [Payment(r.u, r.a) for r in rows]
    pairs = [Pair(r, r) for r in rows]
    colors = [Color(r) for r in rows]
    empties = [Empty() for r in rows]
    return slotted, pts, pays, pairs, colors, empties


def once(row):
    return Tick(row[0], row[1], row[2])


def failing(lines):
    for line in lines:
        if not line:
            raise ParseError(line)


def fixed_loop(register):
    for symbol in ("a", "b", "c"):
        register(Tick(symbol, 0, 0))


class RemoteTraceback:
    def __init__(self, tb):
        self.tb = tb


class WrappedException:
    def __init__(self, exc):
        self.exc = exc


def wrap_all(errors):
    return [WrappedException(e) for e in errors]


def first_credentials(locations):
    for filename in locations:
        if filename.exists():
            return Tick(filename, 0, 0)


def fail_on_bad(rows):
    for row in rows:
        if not row:
            raise ValueError(Tick(row, 0, 0))


def find_tick(rows):
    found = None
    for row in rows:
        if row.ok:
            found = Tick(row, 0, 0)
            break
    return found


if __name__ == "__main__":
    for i in range(1000):
        print(Tick(i, 0, 0))


class Ledger:
    def __init__(self, name):
        self.name = name

    def entries(self, rows):
        # `cls` here is an ordinary parameter, not the class: nothing says what it builds.
        return [self.make(cls, r) for cls, r in rows]

    @staticmethod
    def make(cls, row):
        return [cls(x) for x in row]


def quote_prices(rows):
    # map over a function, not a class.
    return list(map(float, rows))
