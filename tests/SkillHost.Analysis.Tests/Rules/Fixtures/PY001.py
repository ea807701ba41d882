def unique_recipients(addresses):
    already_sent = []
    for address in addresses:
        if address not in already_sent:  # expect: PY001
            already_sent.append(address)
    return already_sent


def common_ids(left_rows, right_rows):
    right_ids = [row.id for row in right_rows]
    return [row for row in left_rows if row.id in right_ids]  # expect: PY001


def known_words(text, vocabulary):
    words = list(vocabulary)
    hits = 0
    for word in text.split():
        if word in words:  # expect: PY001
            hits += 1
    return hits


def merge(batches):
    merged = []
    for batch in batches:
        for item in batch:
            if item in merged:  # expect: PY001
                continue
            merged += [item]
    return merged


# OK
def unique_with_set(addresses):
    seen = set()
    ordered = []
    for address in addresses:
        if address not in seen:
            seen.add(address)
            ordered.append(address)
    return ordered


def against_constant(tokens):
    keywords = ["if", "else", "while"]
    return [t for t in tokens if t in keywords]


def against_parameter(items, allowed):
    return [i for i in items if i in allowed]


def one_test(items, needle):
    found = [i.key for i in items]
    return needle in found


def rebound_to_dict(items):
    index = []
    index = {i.key: i for i in items}
    return [i for i in items if i.key in index]


def in_literal(items):
    for item in items:
        if item in ["a", "b"]:
            print(item)


def attribute_list(self, items):
    for item in items:
        if item in self.cache:
            yield item


def fixed_outer_loop(rows):
    names = [r.name for r in rows]
    for method in ("__str__", "__repr__"):
        if method in names:
            print(method)


def rebuilt_each_pass(selector, listener):
    while True:
        ready = [key.fileobj for key in selector.select()]
        if listener in ready:
            break


def positional_sentinels(edges):
    sizes = [edge.size or None for edge in edges]
    while None in sizes:
        index = sizes.index(None)
        sizes[index] = edges[index].minimum
    return sizes


def shrinking(edges, wanted):
    pending = [edge.key for edge in edges]
    for key in wanted:
        if key in pending:
            pending.remove(key)
    return pending
