def public_holidays(year):
    return frozenset(compute_moving_feasts(year) + fixed_holidays(year))


def orders_on_holidays(orders):
    flagged = []
    for order in orders:
        if order.placed_on in public_holidays(order.placed_on.year):  # expect: PY010
            flagged.append(order)
    return flagged


def allowed_codes(region):
    return sorted(code.upper() for code in REGIONS[region])


def valid(items, region):
    return [i for i in items if i.code in allowed_codes(region)]  # expect: PY010


class Pricing:
    def rates(self):
        return {k: v * 2 for k, v in self.table.items()}

    def price_all(self, items):
        for item in items:
            item.price = item.base * self.rates()[item.kind]  # expect: PY010


def tax_rules(country):
    return {rule.code: rule.rate for rule in RULES if rule.country == country}


def taxed(rows):
    return [row["amount"] * tax_rules(row["country"])[row["code"]] for row in rows]  # expect: PY010


def shipping_zones(status):
    return frozenset(z.name for z in ZONES if z.status == status)


def open_orders(orders):
    return [o for o in orders if o.zone in shipping_zones(status=o.status)]  # expect: PY010


# OK
@lru_cache(maxsize=64)
def cached_holidays(year):
    return frozenset(compute_moving_feasts(year) + fixed_holidays(year))


def cached_use(orders):
    return [o for o in orders if o.placed_on in cached_holidays(o.placed_on.year)]


def double(x):
    return x * 2


def trivial_use(items):
    return [double(i) for i in items]


def record(event):
    EVENTS.append(event)
    return len(EVENTS)


def impure_use(items):
    for item in items:
        record(item.kind)


def per_item(values):
    return sorted(set(values))


def distinct_args(rows):
    return [per_item(row) for row in rows]


def now_stamp(fmt):
    return time.strftime(fmt) + "".join(sorted(fmt))


def stamps(items):
    return [now_stamp("%Y") for _ in items]


class Counter:
    def total(self):
        return sum(v for v in self.values)

    def grow(self, items):
        for item in items:
            self.values.append(item)
            print(self.total())


class Reader:
    def readline(self):
        return "".join(self.stream.read(1) for _ in range(80))

    def lines(self):
        while True:
            line = self.readline()
            if not line:
                break


def read_string(chunk):
    length = ord(chunk.read(1))
    return chunk.read(length)


def markers(chunk, count):
    return [read_string(chunk) for _ in range(count)]


def jump(distance):
    penup()
    forward(distance)
    pendown()
    return [distance, distance, distance]


def clock(radius):
    for _ in range(60):
        jump(radius)


def to_string(values):
    return ",".join(sorted(values))


def cors(rules, headers):
    for rule in rules:
        headers.append(to_string(rule.allowed_headers))


def is_planar(graph):
    return all(len(edges) < 4 for edges in sorted(graph))


def prune(graph, nodes):
    for n in nodes:
        graph.remove_node(n)
        if is_planar(graph):
            break


def by_index(rows):
    # Keyed by a position, not a named field: nothing says it repeats.
    return [tax_rules(row[0]) for row in rows]


def plural(rows):
    return [shipping_zones(row.statuses) for row in rows]
