import logging

logger = logging.getLogger(__name__)


def reprice(lines, price_table):
    for line in lines:
        line.price = price_table[line.sku]
        logger.debug(f"repriced {line.sku} to {line.price}")  # expect: PY007


def process(items):
    for item in items:
        logging.info("processing %s" % item)  # expect: PY007


class Worker:
    def run(self, jobs):
        for job in jobs:
            self.log.debug("job {}".format(job.id))  # expect: PY007


def levels(items):
    for item in items:
        logger.log(logging.DEBUG, f"item {item}")  # expect: PY007


# OK
def reprice_guarded(lines, price_table):
    verbose = logger.isEnabledFor(logging.DEBUG)
    for line in lines:
        line.price = price_table[line.sku]
        if verbose:
            logger.debug(f"repriced {line.sku} to {line.price}")


def lazy(lines):
    for line in lines:
        logger.debug("repriced %s", line)


def summary(lines):
    for line in lines:
        line.done = True
    logger.debug(f"repriced {len(lines)} lines")


def guarded_inline(lines):
    for line in lines:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(f"line {line}")


def warnings(lines):
    for line in lines:
        if not line:
            logger.warning(f"empty line {line}")


def catalog_lookup(catalog, items):
    for item in items:
        catalog.info(f"{item}")
