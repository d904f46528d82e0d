# Generator attributes: gi_running, gi_suspended, __name__, __qualname__, gi_code, repr-free checks.
import collections.abc
import inspect


def simple():
    yield 1


class Box:
    def method(self):
        yield 2

    class Inner:
        def deep(self):
            def local_gen():
                yield 3
            return local_gen()


def watcher():
    me = yield
    print("inside: gi_running =", me.gi_running)
    yield "done"


s = simple()
print(s.__name__, s.__qualname__)
b = Box().method()
print(b.__name__, b.__qualname__)
d = Box.Inner().deep()
print(d.__name__, d.__qualname__)
ge = (x for x in [])
print(ge.__name__, ge.__qualname__.endswith("<genexpr>"))
print(isinstance(s, collections.abc.Generator), isinstance(s, collections.abc.Iterator))
print(inspect.isgeneratorfunction(simple), inspect.isgeneratorfunction(Box.method))
print(s.gi_code.co_name, simple.__code__.co_flags & inspect.CO_GENERATOR != 0)

w = watcher()
print("before start: gi_running =", w.gi_running, "suspended =", w.gi_suspended)
next(w)
print("suspended =", w.gi_suspended)
print(w.send(w))
print("after: gi_running =", w.gi_running)
w.close()
print("closed: suspended =", w.gi_suspended)


def reentrant():
    yield g.send(None)


g = reentrant()
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)

s.__name__ = "renamed"
s.__qualname__ = "Q.renamed"
print(s.__name__, s.__qualname__)
try:
    s.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(inspect.getgeneratorstate(simple()))
x = simple()
next(x)
print(inspect.getgeneratorstate(x))
list(x)
print(inspect.getgeneratorstate(x), x.gi_frame)
