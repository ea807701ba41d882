def attach_customers(invoices, customers):
    for invoice in invoices:
        for customer in customers:
            if customer.id == invoice.customer_id:  # expect: PY011
                invoice.customer = customer
                break


def duplicates(records):
    pairs = []
    for a in records:
        for b in records:
            if a.email == b.email and a is not b:  # expect: PY011
                pairs.append((a, b))
    return pairs


def matches(orders, shipments):
    for order in orders:
        sent = [s for s in shipments if s.order_id == order.id]  # expect: PY011
        order.sent = sent


# OK
def by_index(values):
    # Positions compared through subscripts: not a key a dict could index.
    for i in range(len(values)):
        for j in range(len(values)):
            if values[i] == values[j] and i != j:
                return True
    return False


def whole_items(s, t):
    for elem in s:
        for other in t:
            if other == elem:
                yield elem


def walk(tree):
    for node in tree:
        for child in node.children:
            if child.parent_id == node.id:
                yield child


def against_table(tokens):
    for token in tokens:
        for keyword in KEYWORDS:
            if token.text == keyword:
                yield token


def small_literal(items):
    for item in items:
        for kind in ("a", "b"):
            if item.kind == kind:
                yield item


def same_side(rows, columns):
    for row in rows:
        for column in columns:
            if column.name == "id":
                print(row)


def indexed(invoices, customers):
    by_id = {c.id: c for c in customers}
    for invoice in invoices:
        invoice.customer = by_id.get(invoice.customer_id)


def suffix_match(names, suffixes):
    for name in names:
        for suff in suffixes:
            n = len(suff)
            if name[-n:] == suff:
                yield name


def fixed_outer(menus):
    for menu in ("file", "edit"):
        for entry in menus:
            if entry.name == menu:
                print(entry)


def all_pairs(nodes):
    for u in nodes:
        for v in nodes:
            if u == v:
                continue
            yield u, v
