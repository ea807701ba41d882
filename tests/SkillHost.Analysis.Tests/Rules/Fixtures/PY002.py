def total_payload_bytes(messages):
    return sum([len(message.body) for message in messages])  # expect: PY002


def has_errors(results):
    return any([r.failed for r in results])  # expect: PY002


def longest(names):
    return max([len(n) for n in names])  # expect: PY002


def unique_keys(rows):
    return set([row.key for row in rows])  # expect: PY002


def normalised_hostnames(log_path):
    raw_lines = open(log_path).readlines()  # expect: PY002
    return [extract_host(line).lower() for line in raw_lines]


def count_lines(handle):
    n = 0
    for line in handle.readlines():  # expect: PY002
        n += len(line)
    return n


def scale(values, factor):
    scaled = [v * factor for v in values]  # expect: PY002
    for v in scaled:
        emit(v)


def loop_over_comprehension(rows):
    for cell in [r.cell for r in rows]:  # expect: PY002
        emit(cell)


def count_errors(path):
    lines = open(path).readlines()  # expect: PY002
    errors = 0
    seen = []
    for line in lines:
        if "ERROR" in line:
            errors += 1
    return errors



def any_stale(entries, now):
    return any({e.key for e in entries if e.expires < now})  # expect: PY002


# OK
async def all_ready(services):
    # a generator with `await` would be an async generator, which `all` cannot consume
    return all([await s.ready() for s in services])
def total_with_generator(messages):
    return sum(len(message.body) for message in messages)


def joined(parts):
    # str.join turns any iterable into a list first: the list comprehension is the faster form.
    return ", ".join([p.strip() for p in parts])


def reused(values):
    squares = [v * v for v in values]
    for s in squares:
        emit(s)
    return squares


def as_tuple(values):
    return tuple([v * 2 for v in values])


def returned(values):
    return [v * 2 for v in values]


def iterated_twice(values):
    doubled = [v * 2 for v in values]
    for outer in range(3):
        for d in doubled:
            emit(outer, d)


def shadowed_sum(values):
    sum = lambda xs: xs
    return sum([v for v in values])


def readlines_kept(path):
    with open(path) as f:
        lines = f.readlines()
    return lines, len(lines)


def counted_after_the_file_is_closed(path):
    with open(path) as f:
        lines = f.readlines()
    total = 0
    for line in lines:
        total += len(line)
    return total


def something_runs_in_between(path):
    lines = open(path).readlines()
    total = prepare()
    for line in lines:
        total += len(line)
    return total


def streaming(path):
    with open(path) as log_file:
        for line in log_file:
            yield line.lower()


def started_before_waiting(n):
    processes = [start_process() for _ in range(n)]
    wait_a_little()
    for proc in processes:
        proc.wait()


def deletes_from_source(self):
    nonpositive = [elem for elem, count in self.items() if not count > 0]
    for elem in nonpositive:
        del self[elem]


def sorted_names(magics):
    return sorted([m for m, v in magics.items() if v])
