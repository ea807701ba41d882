"""Tests for the report jobs: quadratic work here is still worth flagging; constant factors are not."""
import pytest

from shop.reports import matching_orders


@pytest.fixture
def orders():
    return [{"id": n} for n in range(1000)]


def test_every_order_is_matched(orders):
    ids = [order["id"] for order in orders]
    for order in orders:
        assert order["id"] in ids


def test_log_format():
    for n in range(10):
        label = {"n": n}
        assert label["n"] == n
