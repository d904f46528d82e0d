# A package with subpackages and relative imports (., .., from . import name).
import shop
from shop import models
from shop.utils import fmt
from shop.cart import Cart

print(shop.__name__, shop.__package__, shop.VERSION)
print(models.__name__, models.__package__)
print(fmt.__name__, fmt.__package__)
cart = Cart()
cart.add(models.Item("apple", 3))
cart.add(models.Item("pear", 5), 2)
print(cart.summary())
print(fmt.money(1234))
print(shop.utils.fmt is fmt, shop.cart.Cart is Cart)
print(sorted(name for name in vars(shop) if not name.startswith("__")))
print(shop.utils.helper_names())
