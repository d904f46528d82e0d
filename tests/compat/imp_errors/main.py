# Import errors and edge cases: relative import in the main module, bad __all__, beyond
# top level, failing module bodies left out of sys.modules, __import__ and importlib.reload.
import importlib
import sys

try:
    from . import sibling
except ImportError as e:
    print(type(e).__name__, e)
try:
    from pkg import *
except AttributeError as e:
    print(type(e).__name__, e)
try:
    import pkg.beyond
except ImportError as e:
    print(type(e).__name__, e)
for attempt in range(2):
    try:
        import pkg.failing
    except ZeroDivisionError as e:
        print("attempt", attempt, type(e).__name__, e, "pkg.failing" in sys.modules)
top = __import__("pkg.counter")
print(top.__name__, top.counter.LOADS)
leaf = __import__("pkg.counter", fromlist=["LOADS"])
print(leaf.__name__, leaf.LOADS)
reloaded = importlib.reload(leaf)
print(reloaded is leaf, leaf.LOADS, leaf.loaded_twice())
try:
    from pkg.counter import missing_name
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
try:
    import pkg.counter.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
print(sorted(m for m in sys.modules if m.startswith("pkg")))
