# Generator corner cases: yield in try/finally during close, yield as expression everywhere,
# throw with traceback, gi_yieldfrom-free delegation to iterators without throw/close.
import sys


def yield_in_finally():
    try:
        yield 1
    finally:
        yield "from finally"


g = yield_in_finally()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    next(g)
except GeneratorExit:
    print("resuming re-raises the pending GeneratorExit")
print(next(g, "finished"))


def expression_yields():
    a = (yield 1) + (yield 2)
    b = [(yield "in list"), (yield "again")]
    c = {"key": (yield "in dict")}
    print("a", a, "b", b, "c", c)
    yield f"{(yield 'in f-string')}!"
    return (yield "last") * 2


e = expression_yields()
print(next(e))
for value in (10, 20, "x", "y", "z", "fs"):
    print(e.send(value))
print(e.send("ignored"))
try:
    e.send(21)
except StopIteration as stop:
    print("stop", stop.value)


def catcher():
    while True:
        try:
            yield
        except Exception as exc:
            print("caught", type(exc).__name__, exc, exc.__traceback__ is not None)


c = catcher()
next(c)
try:
    raise KeyError("with traceback")
except KeyError:
    info = sys.exc_info()
c.throw(*info)
c.throw(ValueError)
c.throw(TypeError, TypeError("instance"))
try:
    c.throw(TypeError("x"), "extra value")
except TypeError as exc:
    print(type(exc).__name__, exc)
c.close()


class PlainIterator:
    def __init__(self):
        self.items = [1, 2, 3]

    def __iter__(self):
        return self

    def __next__(self):
        if not self.items:
            raise StopIteration
        return self.items.pop(0)


def delegate():
    try:
        yield from PlainIterator()
    except ValueError as exc:
        yield f"outer handled {exc}"
    finally:
        print("delegate finally")


d = delegate()
print(next(d), d.throw(ValueError("no throw method")))
d2 = delegate()
next(d2)
d2.close()
print("closed delegating generator")


def counting():
    n = 0
    while True:
        n += 1
        command = yield n
        if command == "stop":
            return f"stopped at {n}"


def wrapper():
    result = yield from counting()
    yield result


w = wrapper()
print(next(w), next(w), w.send("go"), w.send("stop"))
print(list(w))
lazy = (print("evaluated", x) for x in range(2))
print("nothing evaluated yet")
list(lazy)


def empty():
    return
    yield


print(list(empty()), list(x for x in empty()))
g = (i for i in range(3))
print(next(g), list(g), next(g, "done"))
