"""A compiled program for the hidden-stdlib launcher test: json, decimal (a lib-dynload
extension module), collections and a package of its own (relative imports inside)."""
import collections
import decimal
import json

import _decimal

from orders import summary
from orders.model import Order

orders = [Order("tea", 3, decimal.Decimal("2.50")), Order("cake", 1, decimal.Decimal("4.10")),
          Order("tea", 2, decimal.Decimal("2.50"))]
print(json.dumps(summary.totals(orders), sort_keys=True))
print(collections.Counter(order.item for order in orders).most_common())
print("C decimal:", decimal.Decimal is _decimal.Decimal)
print(summary.describe(orders[1]))
