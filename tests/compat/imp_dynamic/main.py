# importlib.import_module of compiled modules, module __getattr__/__dir__, ImportError messages.
import importlib
import lazy

plugin = importlib.import_module("plugins.hello")
print(plugin.run())
relative = importlib.import_module(".bye", "plugins")
print(relative.run(), relative.__name__)
print(importlib.import_module("plugins.hello") is plugin)
print(lazy.answer, lazy.computed_twice)
print(dir(lazy))
try:
    lazy.missing
except AttributeError as e:
    print(type(e).__name__, e)
from lazy import answer as a2
print(a2)
try:
    from lazy import nothing_here
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import plugins.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from plugins import absent
except ImportError as e:
    print(type(e).__name__, e.name, str(e).split(" (")[0])
try:
    importlib.import_module("..x", "plugins")
except (ImportError, ValueError) as e:
    print(type(e).__name__, e)
print(sorted(m for m in __import__("sys").modules if m.startswith("plugins")))
