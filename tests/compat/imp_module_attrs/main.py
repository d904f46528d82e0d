# import a.b.c as d, import a.b.c; module attributes __name__, __package__, __spec__.name, __file__.
import alpha.beta.gamma as g
import alpha.beta.gamma
from alpha.beta import gamma as g2
from alpha import beta

print(g is alpha.beta.gamma is g2, beta is alpha.beta)
print("main:", __name__, repr(__package__), __spec__, __file__.endswith("main.py"))
for module in (alpha, alpha.beta, g):
    print(module.__name__, repr(module.__package__), module.__spec__.name, module.__spec__.parent)
    print("  file:", module.__file__)
    print("  is package:", hasattr(module, "__path__"), module.__spec__.submodule_search_locations is not None)
print(g.describe())
print(alpha.beta.__doc__)
print(type(alpha).__name__, alpha.__spec__.loader is alpha.__loader__)
import sys
print(sorted(name for name in sys.modules if name.startswith("alpha")))
print(sys.modules["alpha.beta.gamma"] is g)
