# The program's source is compiled into it (embed_source, on by default): it runs
# without its .py file, yet tracebacks, linecache, inspect.getsource, warnings and the
# loader's get_source show the lines as python3.11 shows them from the file.
import inspect
import linecache
import sys
import traceback
import warnings


def helper(x):
    """Doubles x."""
    return x * 2


def fails():
    return {}["missing"]


print(inspect.getsource(helper), end="")
print(repr(linecache.getline(__file__, 12)))
try:
    fails()
except KeyError:
    traceback.print_exc(file=sys.stdout)
print(sys.modules["__main__"].__loader__.get_source("__main__").splitlines()[0])
warnings.warn("careful")
stack = traceback.extract_stack()
print(stack[-1].line)
fails()
