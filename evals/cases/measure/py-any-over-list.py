# Harness for py-any-over-list: one large customer's `n` invoices, none overdue (the common case, so `any` scans them
# all either way); `run` asks the dashboard's question. The metric is tracemalloc's peak: the list the comprehension builds.
import collections
import datetime

Invoice = collections.namedtuple("Invoice", "due paid amount")
TODAY = datetime.date(2026, 12, 1)


def make_input(n):
    return [Invoice(TODAY + datetime.timedelta(days=i % 90), i % 3 == 0, 100 + i % 7) for i in range(n)]


def run(invoices):
    return has_overdue_invoice(invoices, TODAY)
