# Lambdas: arguments of every kind, closures, as sort keys, immediately called, nested,
# conditional bodies, and their names and errors.
square = lambda x: x * x
add = lambda a, b=10, *rest, k=1, **kw: (a + b, rest, k, kw)
print(square(7), add(1), add(1, 2, 3, k=4, z=5), (lambda: "now")(), (lambda *a: a)(1, 2))
print(square.__name__, square.__qualname__, add.__defaults__, add.__kwdefaults__, square.__doc__)
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=lambda p: p[1], reverse=True), max(pairs, key=lambda p: -p[0]))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda s: len(s) > 1, ["a", "bb", "ccc"])))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("x")("y")("z"))
sign = lambda n: "neg" if n < 0 else ("zero" if n == 0 else "pos")
print([sign(n) for n in (-1, 0, 5)])
def make_multipliers():
    return [lambda x, m=m: x * m for m in range(1, 4)]
print([f(10) for f in make_multipliers()])
class Holder:
    method = lambda self, x: (type(self).__name__, x)
    static = staticmethod(lambda: "static lambda")
print(Holder().method(1), Holder.static(), Holder.method.__qualname__)
def outer():
    return lambda: lambda: "deep"
print(outer()()(), outer().__qualname__, outer()().__qualname__)
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3), (lambda: (yield))().__class__.__name__)
gen_lambda = lambda n: (yield from range(n))
print(list(gen_lambda(3)))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ZeroDivisionError) as error:
        print(label, "->", type(error).__name__, error)
attempt("missing", lambda: square())
attempt("extra", lambda: square(1, 2))
attempt("kw", lambda: square(y=1))
attempt("inner error", lambda: (lambda d: 1 / d)(0))
attempt("pos only", lambda: (lambda a, /: a)(a=1))
