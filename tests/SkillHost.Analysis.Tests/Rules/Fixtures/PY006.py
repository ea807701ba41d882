import math


def format_amounts(self, rows):
    labels = []
    for row in rows:
        labels.append(self.settings.currency_formatter(row.amount))  # expect: PY006
    return labels


def distances(points):
    return [math.sqrt(p.x * p.x + p.y * p.y) for p in points]  # expect: PY006


class Renderer:
    def render(self, cells):
        for row in cells:
            for cell in row:
                self.output.cells.append(cell)  # expect: PY006

    def scale(self, values):
        total = 0
        for v in values:
            total += v * self.config.limits.factor  # expect: PY006
        return total


# OK
def hoisted(self, rows):
    fmt = self.settings.currency_formatter
    return [fmt(row.amount) for row in rows]


def per_item_base(rows):
    for row in rows:
        print(row.customer.address.city)


def rebinds(self, items):
    for item in items:
        self.settings = item.settings
        self.settings.apply.now(item)


def short_chain(self, items):
    for item in items:
        self.handle(item)


def changing_state(self, tokens):
    while self.stream.current.kind != "end":
        self.advance()


def outside(self):
    return self.settings.currency_formatter(1)


def local_module_name(points):
    math = load_math()
    for p in points:
        math.sqrt(p)


def io_bound(self, names):
    for name in names:
        with open(name) as f:
            self.sink.lines.extend(f)


def long_body(self, words):
    for word in words:
        if word.startswith("-L"):
            value = word[2:]
        elif word.startswith("-R"):
            value = word[3:]
        else:
            continue
        self.ext.library_dirs.append(value)


def parse_sections(self, sections, path):
    for section in sections:
        try:
            section.load()
        except ValueError as error:
            raise botocore.exceptions.ConfigParseError(path=path) from error


def first_match(self, printers, key):
    for cls in printers:
        if cls.key == key:
            return self.type_printers.registry.pop(cls)


def pop_match(self, printers, key):
    for cls in printers:
        if cls.key == key:
            old = self.type_printers.registry.pop(cls)
            break
    return old


def purge(prepared_request):
    purged_headers = ("Content-Length", "Content-Type", "Transfer-Encoding")
    for header in purged_headers:
        prepared_request.headers.store.pop(header, None)


def visit_children(self, node):
    for child in node.children:
        self.sym_visitor.tracker.visit(child)


def visit(node):
    for child in node.children:
        print(child)
