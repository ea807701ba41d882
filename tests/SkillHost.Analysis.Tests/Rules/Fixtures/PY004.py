def rows_as_records(rows, columns):
    for row in rows:
        record = {}  # expect: PY004
        for name, value in zip(columns, row):
            record[name] = value
        yield record


def checks(items):
    total = 0
    for item in items:
        weights = {"a": 1, "b": 2}  # expect: PY004
        total += weights.get(item.kind, 0)
    return total


def lengths(lines):
    result = 0
    for line in lines:
        parts = []  # expect: PY004
        for ch in line:
            parts.append(ch)
        result += len(parts)
    return result


def unique_words(lines):
    counts = 0
    for line in lines:
        seen = set()  # expect: PY004
        for word in line.split():
            seen.add(word)
        counts += len(seen)
    return counts


def severities(events):
    total = 0
    for event in events:
        total += {"debug": 0, "info": 1, "error": 5}[event.level]  # expect: PY004
    return total


def labels(events):
    return [{"ok": "green", "fail": "red"}.get(e.status, "grey") for e in events]  # expect: PY004


# OK
def rows_reused(rows, columns):
    record = dict.fromkeys(columns)
    for row in rows:
        record.clear()
        record.update(zip(columns, row))
        yield record


def outputs(rows):
    out = []
    for row in rows:
        out.append({"id": row.id, "name": row.name})
    return out


def kept(rows):
    out = []
    for row in rows:
        group = []
        for cell in row:
            group.append(cell)
        out.append(group)
    return out


def stored(rows, index):
    for row in rows:
        bucket = []
        index[row.key] = bucket
        bucket.append(row)


def membership(tokens):
    # CPython folds a constant list after `in` into a tuple constant: nothing is allocated.
    return [t for t in tokens if t in ["a", "b"]]


def template(rows):
    for row in rows:
        opts = {"k": 1}
        opts["row"] = row
        send(opts)


def once(rows):
    seen = {}
    for row in rows:
        seen[row] = True
    return seen


def accumulator(chunks):
    last_chunk = []
    out = []
    for string, kind in chunks:
        if kind == "same":
            last_chunk.append(string)
        else:
            out.append(" ".join(last_chunk))
            last_chunk = [string]
    return out, last_chunk


def fixed_count(register):
    for name in ("a", "b"):
        parts = []
        parts.append(name)
        register(len(parts))


def register(self, kinds):
    for mtype in kinds:
        tab = self.magics[mtype] = {}
        tab["x"] = 1


def groups(rows):
    # Each pass's set is the output: kept in the result, not scratch.
    out = []
    for row in rows:
        members = set()
        members.add(row.id)
        out.append(members)
    return out


def per_row_tables(rows, key):
    # Not constant: the display reads the row, so it must be built per pass.
    return [{"id": row.id, "name": row.name}[key] for row in rows]


def shadowed(rows):
    from sortedcontainers import SortedSet as set
    for row in rows:
        seen = set()
        seen.add(row)
        print(len(seen))
