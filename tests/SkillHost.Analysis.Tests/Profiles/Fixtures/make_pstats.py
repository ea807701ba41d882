"""Writes the pstats fixtures: a real cProfile run of the dedupe()/load() script, with the machine's paths replaced by
neutral ones and the profile cut to the functions that matter, so the golden files do not depend on where it ran.

    python3.11 make_pstats.py dedupe-py311.pstats
    python2.7  make_pstats.py dedupe-py27.pstats     (marshal version 2: interned strings and string refs)
"""
import cProfile
import marshal
import os
import pstats
import sys
import tempfile

# The script of issue 17, shared with the tests (RealProfilers.DedupeScript reads the same file).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dedupe_app.py")) as f:
    SCRIPT = f.read()


def neutral(path):
    if path.endswith("app.py"):
        return "/home/user/proj/app.py"
    if "json" in path:
        return "/usr/lib/python/json/" + os.path.basename(path)
    return path


def key(k):
    return (neutral(k[0]), k[1], k[2])


def main(out):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "app.py")
    with open(path, "w") as f:
        f.write(SCRIPT)
    sys.path.insert(0, folder)
    import app
    profiler = cProfile.Profile()
    profiler.runcall(app.main)
    profiler.create_stats()
    stats = profiler.stats
    keep = set(k for k, v in stats.items() if k[0].endswith("app.py") or "json" in k[0] or v[3] > 0.001 or "append" in k[2])
    result = {}
    for k in keep:
        cc, nc, tt, ct, callers = stats[k]
        result[key(k)] = (cc, nc, tt, ct, dict((key(c), v) for c, v in callers.items() if c in keep))
    with open(out, "wb") as f:
        marshal.dump(result, f)


if __name__ == "__main__":
    main(sys.argv[1])
