# Compiled functions called by interpreted code (stdlib, exec'd code) with every kind of argument.
import copy
import functools

namespace = {}
exec(
    "def call_all(f, g, h, k, m, gen, obj):\n"
    "    return [f(1), f(1, 2), f(a=3), g(1, 2, 3, x=4), h(5, kw=6), k(7, 8, 9),\n"
    "            m(1, z=2, extra=3), list(gen(3)), obj.method(10), obj.method(y=20),\n"
    "            type(obj).method(obj, 30), obj()]\n",
    namespace,
)


def f(a, b=10):
    return ("f", a, b)


def g(*args, **kwargs):
    return ("g", args, sorted(kwargs.items()))


def h(a, *, kw):
    return ("h", a, kw)


def k(a, /, b, *rest):
    return ("k", a, b, rest)


def m(a, /, **kw):
    return ("m", a, sorted(kw.items()))


def gen(n):
    yield from range(n)


class Obj:
    def method(self, y=0):
        return ("method", y)

    def __call__(self):
        return "called"


for item in namespace["call_all"](f, g, h, k, m, gen, Obj()):
    print(item)

exec("def bad(f):\n    return f()\n", namespace)
try:
    namespace["bad"](f)
except TypeError as e:
    print(type(e).__name__, e)
exec("def bad_kw(h):\n    return h(1)\n", namespace)
try:
    namespace["bad_kw"](h)
except TypeError as e:
    print(type(e).__name__, e)


class Point:
    def __init__(self, x):
        self.x = x

    def __copy__(self):
        return Point(self.x + 1)

    def __deepcopy__(self, memo):
        return Point(self.x + 100)

    def __eq__(self, other):
        return self.x == other.x

    def __hash__(self):
        return hash(self.x)

    def __lt__(self, other):
        return self.x < other.x


print(copy.copy(Point(1)).x, copy.deepcopy([Point(1)])[0].x)
print(functools.reduce(lambda acc, p: acc + p.x, [Point(1), Point(2)], 0))
print(sorted([Point(3), Point(1)])[0].x, max([Point(5), Point(2)]).x)
cmp = functools.cmp_to_key(lambda a, b: a.x - b.x)
print([p.x for p in sorted([Point(9), Point(4)], key=cmp)])


def raises(value):
    raise ValueError(f"raised with {value}")


exec("def calls_raises(r):\n    try:\n        r(1)\n    except ValueError as e:\n        return str(e)\n", namespace)
print(namespace["calls_raises"](raises))


def recursive(n):
    return n if n == 0 else namespace["trampoline"](recursive, n - 1)


exec("def trampoline(fn, n):\n    return fn(n) + 1\n", namespace)
print(recursive(50))
