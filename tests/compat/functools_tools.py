# functools with compiled functions: wraps, partial, lru_cache (stats, clear),
# reduce, cached_property, singledispatch, cmp_to_key.
import functools
calls = []
@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__wrapped__.__name__)
@functools.lru_cache(maxsize=2)
def square(x):
    calls.append(("sq", x))
    return x * x
calls.clear()
print([square(i) for i in (1, 2, 1, 3, 1, 2)], calls, square.cache_info())
def power(base, exponent, *, modulo=None):
    return pow(base, exponent, modulo)
cube = functools.partial(power, exponent=3)
two_to = functools.partial(power, 2)
print(cube(2), two_to(10), two_to(10, modulo=1000), cube.func is power, cube.args, cube.keywords)
print(functools.partial(two_to, 5)(), repr(functools.partial(max, 1).args))
print(functools.reduce(lambda acc, x: acc * x, range(1, 8)), functools.reduce(lambda a, b: a + b, [], "init"))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as error:
    print("TypeError:", error)
def logged(func):
    @functools.wraps(func)
    def inner(*args):
        """inner doc"""
        return func(*args)
    return inner
@logged
def documented(x):
    """The real doc."""
    return x
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__(3))
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        calls.append("area")
        return 3 * self.r * self.r
calls.clear()
c = Circle(2)
print(c.area, c.area, calls, "area" in vars(c))
@functools.singledispatch
def describe(value):
    return f"object {value!r}"
@describe.register
def _(value: int):
    return f"int {value}"
@describe.register(list)
def _(value):
    return f"list of {len(value)}"
print(describe(1), describe([1, 2]), describe("s"), describe(True))
def compare(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(compare)), sorted(["b", "A", "c"], key=str.lower))
total = functools.partial(sum, start=10)
print(total([1, 2]))
try:
    cube()
except TypeError as error:
    print("TypeError:", error)
