# from x import * with and without __all__, underscore names, and a package's __all__ naming submodules.
from withall import *
from noall import *
from pkg import *

print(sorted(n for n in globals() if not n.startswith("__")))
print(public_one(), exported_two)
print(visible, plain_function())
print(sub.NAME)
try:
    print(_private)
except NameError as e:
    print(type(e).__name__, e)
try:
    print(not_exported)
except NameError as e:
    print(type(e).__name__, e)
import noall
print(noall._private, noall.__name__)
import withall
print(withall.not_exported, withall.__all__)


def inside_function():
    import pkg.sub as s
    return s.NAME


print(inside_function())
