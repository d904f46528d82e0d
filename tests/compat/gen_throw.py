# Generators: throw() into a suspended generator, caught or propagated.
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("caught inside:", e)
            n += 100
        n += 1


g = resilient()
print(next(g))
print(g.throw(ValueError("first")))
print(g.throw(ValueError, "second"))
print(next(g))
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", type(e).__name__, e)
print("after propagation:", list(g))


def fragile():
    yield 1
    yield 2


f = fragile()
try:
    f.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("unstarted:", e)
print(list(f))


def returns_on_throw():
    try:
        yield "a"
    except IndexError:
        return "recovered"


r = returns_on_throw()
next(r)
try:
    r.throw(IndexError)
except StopIteration as e:
    print("stop with", e.value)


def rethrows():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("wrapped") from e


w = rethrows()
next(w)
try:
    w.throw(ZeroDivisionError("zero"))
except ArithmeticError as e:
    print(type(e).__name__, e, "cause:", repr(e.__cause__))

try:
    resilient().throw(42)
except TypeError as e:
    print(type(e).__name__, e)
