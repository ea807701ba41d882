#!/usr/bin/env python3
"""Writes the pathological and real-code inputs of the linear-time benchmark into OUT.

usage: generate.py OUT [--scale F] [--real 1,2,4,8,16]
  --scale F   multiplies the pathological sizes (0.1 gives the reduced shapes the tests use)
  --real MBS  sizes in MB of the concatenated real-code files (CPython 3.13 stdlib, Rust std); 0 for none
Real code comes from the pyenv CPython stdlib (/root/.pyenv/versions/3.13*/lib/python3.13) and from
the Rust std sources that /work/shared/tools/rust-std-corpus.sh recovers; absent corpora are skipped.
"""
import glob, os, subprocess, sys


def pathological(scale):
    n = lambda base: max(1, int(base * scale))
    yield "a_unclosed_parens.py", "x = " + "(" * n(100_000) + "\n"
    yield "b_call_chain.py", "x = a" + ".b()" * n(250_000) + "\n"
    yield "c_call_chain.rs", "fn f() {\n    let x = a" + ".b()" * n(200_000) + ";\n}\n"
    methods = "".join(f"    pub fn m{i}(&self, v: u32) -> u32 {{\n        let y = v + {i};\n        self.k(y) * 2 + {i}\n    }}\n" for i in range(n(30_000)))
    yield "d_impl_methods.rs", "pub struct S { k: u32 }\n\nimpl S {\n" + methods + "}\n"
    depth = n(2_000)
    # Each closure holds a few statements (~1 KB a level, indentation capped), so 2,000 levels make ~2 MB.
    pad = lambda level: "    " * min(level, 12)
    stmts = lambda i: "".join(f"{pad(i + 2)}let w{i}_{k} = v{i}.wrapping_mul({k}).rotate_left({k}) ^ (v{i} >> {k});\n" for k in range(8))
    body = "".join(f"{pad(i + 1)}let c{i} = move |v{i}: u64| {{\n" + stmts(i) for i in range(depth))
    tail = "".join(f"{pad(i + 2)}w{i}_0\n{pad(i + 1)}}};\n" for i in reversed(range(depth)))
    yield "e_nested_closures.rs", "fn f() {\n" + body + tail + "}\n"


def python_stdlib():
    roots = sorted(glob.glob("/root/.pyenv/versions/3.13*/lib/python3.13"))
    if not roots:
        return []
    files = []
    for dirpath, dirnames, names in os.walk(roots[0]):
        dirnames[:] = sorted(d for d in dirnames if d not in ("test", "site-packages", "__pycache__", "idlelib"))
        files += [os.path.join(dirpath, n) for n in sorted(names) if n.endswith(".py")]
    return files


def rust_std(out):
    corpus = os.path.join(out, "rust-std")
    if not os.path.isdir(corpus):
        try:
            subprocess.run(["bash", "/work/shared/tools/rust-std-corpus.sh", corpus], check=True, stdout=subprocess.DEVNULL)
        except (OSError, subprocess.CalledProcessError):
            return []
    return sorted(glob.glob(os.path.join(corpus, "**", "*.rs"), recursive=True))


def concatenate(sources, size):
    """Whole files until SIZE bytes: valid code in each (module-level statements stay module-level)."""
    parts, total = [], 0
    while total < size and sources:
        for path in sources:
            text = open(path, encoding="utf-8", errors="replace").read()
            if "\t" in text:  # mixed tabs would make one concatenation's indentation differ from another's
                continue
            parts.append(text if text.endswith("\n") else text + "\n")
            total += len(parts[-1].encode())
            if total >= size:
                break
    return "".join(parts)


def main():
    args = sys.argv[1:]
    out = args[0]
    scale = float(args[args.index("--scale") + 1]) if "--scale" in args else 1.0
    real = [float(s) for s in (args[args.index("--real") + 1] if "--real" in args else "1,2,4,8,16").split(",")]
    os.makedirs(out, exist_ok=True)
    for name, text in pathological(scale):
        open(os.path.join(out, name), "w").write(text)
    py, rs = python_stdlib(), rust_std(out)
    for mb in (m for m in real if m > 0):
        for ext, sources in (("py", py), ("rs", rs)):
            if sources:
                open(os.path.join(out, f"real_{mb:g}mb.{ext}"), "w").write(concatenate(sources, int(mb * 1048576)))
    for name in sorted(os.listdir(out)):
        if os.path.isfile(os.path.join(out, name)):
            print(f"{name} {os.path.getsize(os.path.join(out, name))}")


main()
