"""Batch report jobs over exported order files."""
import asyncio


def matching_orders(orders, refunds):
    matched = []
    for order in orders:
        for refund in refunds:
            if order.id == refund.order_id:
                matched.append((order, refund))
    return matched


def hostnames(log_path):
    raw_lines = open(log_path).readlines()
    return [line.split()[0].lower() for line in raw_lines]


def total_weight(parcels):
    return sum([parcel.weight for parcel in parcels])


class Exporter:
    def __init__(self, config):
        self.config = config

    def export(self, rows):
        out = []
        for row in rows:
            out.append(self.config.formatter.render(row))
        return out


async def fetch_all(client, urls):
    pages = []
    for url in urls:
        pages.append(await client.get(url))
    return pages


def run(paths):
    return asyncio.run(fetch_all(None, paths))
