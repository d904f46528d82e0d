"""A tiny shop package."""
VERSION = "1.0"
from . import models
from .cart import Cart as _Cart
print("shop/__init__ loaded; relative import gave", _Cart.__name__)
