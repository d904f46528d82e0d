# functools: reduce, partial, lru_cache, cache, wraps, total_ordering, singledispatch, cached_property, cmp_to_key.
import functools


print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(type(e).__name__, e)

power = functools.partial(pow, exp=2)
print(power(7), power.func.__name__, power.keywords)
base2 = functools.partial(int, base=2)
print(base2("1011"))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits > 0, fib.cache_info().misses)
fib.cache_clear()
print(fib.cache_info())


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    """Adds two things."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__.__name__, add.__qualname__)


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9)]
print(sorted(vs), Version(1) >= Version(0, 9), Version(2) <= Version(1))


@functools.singledispatch
def describe(x):
    return f"object {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(list)
def _(x):
    return f"list of {len(x)}"


print(describe(3), describe([1, 2]), describe("s"), describe(True))


class Data:
    def __init__(self, values):
        self.values = values

    @functools.cached_property
    def total(self):
        print("computing total")
        return sum(self.values)


d = Data([1, 2, 3])
print(d.total, d.total)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))


@functools.cache
def square(n):
    return n * n


print([square(i) for i in (3, 3, 4)], square.cache_info().hits)
