# PYO005 pyo3/single-item-api: one Rust call per item from Python (companion Rust: PYO005_native.rs).
from inventory import sku_is_valid, score, scores_for
import digest_native
import fastparse_rs as fp
from pkg.codec_native import decode


def rejected_skus(rows):
    rejected = []
    for row in rows:
        if not sku_is_valid(row.sku):  # expect: PYO005
            rejected.append(row.sku)
    return rejected


def scored(values):
    return [score(v) for v in values]  # expect: PYO005


def valid_all(skus):
    return list(map(sku_is_valid, skus))  # expect: PYO005


def digests(documents):
    out = []
    for doc in documents:
        out.append(digest_native.blake3_hex(doc))  # expect: PYO005
    return out


def parse_lines(stream):
    while True:
        line = stream.readline()
        if not line:
            break
        fp.parse(line)  # expect: PYO005


def decoded(frames):
    return {decode(f) for f in frames}  # expect: PYO005


class Codec:
    # As tiktoken's Encoding: a Python method that only forwards to a `#[pymethods]` method, called per token.
    def __init__(self, core):
        self._core = core

    def decode_one(self, token):
        """Decodes one token."""
        return self._core.decode_one(token)

    def decode_all(self, tokens):
        return [self.decode_one(t) for t in tokens]  # expect: PYO005


def key_ids(core, keys):
    return [core.lookup_key(k) for k in keys]  # expect: PYO005

# OK

def batch(rows):
    return scores_for([row.value for row in rows])


def chunked(chunks):
    # the Rust side already takes a batch: feeding it chunks is the recommended shape
    return [scores_for(c) for c in chunks]


def once(sku):
    return sku_is_valid(sku)


def same_argument(rows, sku):
    # the argument does not change per item: nothing to batch
    return [sku_is_valid(sku) for _ in rows]


def versions(rows):
    return [version() for row in rows]


def local_shadow(rows):
    def sku_is_valid(s):
        return len(s) == 8
    return [r for r in rows if sku_is_valid(r)]


def python_module(rows):
    import json
    return [json.loads(r) for r in rows]


def test_each_sku_is_checked():
    for sku in ["A", "B"]:
        assert not sku_is_valid(sku)


class CheckedCodec:
    def decode_token(self, token):
        # more than a forward: the loop in decode_all is not only boundary crossings
        token = int(token)
        return self._core.decode_one(token)

    def decode_all(self, tokens):
        return [self.decode_token(t) for t in tokens]

    def decode_chunks(self, chunks):
        # the Rust method already takes a batch
        return [self._core.decode_many(c) for c in chunks]


def python_method_of_the_same_name(items, handler):
    return [handler.handle(i) for i in items]


class Handler:
    def handle(self, item):
        return item
