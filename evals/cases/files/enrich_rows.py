import logging

logger = logging.getLogger(__name__)


def enrich(rows, prices):
    """Runs for every row of a 5-million-row nightly export."""
    out = []
    for row in rows:
        price = prices.get(row["sku"], 0)
        logger.debug("enriching row %s with price %s: %s" % (row["id"], price, row))
        out.append({**row, "price": price})
    return out
