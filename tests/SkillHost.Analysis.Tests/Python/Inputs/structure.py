import os.path, json as j
from json import loads, dumps as to_json
from . import sibling
from ..pkg.mod import (a as b,
                       c)
from x import *
import logging

logger = logging.getLogger(__name__)
CACHE = {}
ITEMS = [1, 2, 3]


@functools.lru_cache(maxsize=64)
@property
def _helper(x: int, /, y: str = "d", *args, key=None, **kw) -> dict[str, int]:
    yield x


class Point(Base, metaclass=ABCMeta):
    __slots__ = ("x", "y")
    x: int
    y: int = 0

    def __init__(self, x, y):
        self.x = x
        self.y, self.z = y, None

    @staticmethod
    def make(values):
        return [Point(v, v) for v in values if v]

    async def load(self, path):
        with open(path) as f, lock:
            return f.read()


def process(path, items):
    lines = open(path).readlines()
    seen = []
    for line in lines:
        if line not in seen and line in ITEMS:
            seen.append(line)
        logger.debug(f"line {line}")
        logging.info("x %s" % line)
        log.warning("{}".format(line))
        d = {"k": line}
        s = {1, 2}
        e = []
        total = sum([len(x) for x in lines])
        value = self.cache.config.get(line)
        other = self.cache.config.timeout
    while not done:
        done = check()
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug("x")
    elif x:
        pass
    else:
        pass
    pairs = {k: v for k, v in items.items() for _ in range(2)}
    gen = (x * 2 for x in items)
    fn = lambda a, b=1: a + b
    for a in items:
        for b in items:
            if a.key == b.key:
                pass
    return [transform(l) for l in lines]


def outer():
    def inner():
        return 1
    return inner
