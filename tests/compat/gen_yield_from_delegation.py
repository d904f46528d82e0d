# yield from delegates send(), throw() and close() to the sub-generator.
def inner():
    print("inner start")
    try:
        while True:
            try:
                x = yield "ready"
                print("inner got", x)
            except KeyError as e:
                print("inner handled", repr(e))
                yield "after KeyError"
    finally:
        print("inner finally")


def outer():
    try:
        result = yield from inner()
        print("never", result)
    except ValueError as e:
        print("outer caught", e)
        yield "outer recovered"
    finally:
        print("outer finally")


g = outer()
print(next(g))
print(g.send(1))
print(g.send("two"))
print(g.throw(KeyError("k")))
print(next(g))
print(g.throw(ValueError("v")))
g.close()
print("--- close propagates")
h = outer()
next(h)
h.close()


class Delegate:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration("plain done")
        return self.n


def over_iterator():
    r = yield from Delegate()
    yield ("returned", r)


print(list(over_iterator()))
d = over_iterator()
next(d)
try:
    d.send("x")
except AttributeError as e:
    print(type(e).__name__, e)


def returns_via_send():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v


def summer():
    t = yield from returns_via_send()
    yield f"total={t}"


s = summer()
next(s)
for v in (5, 6, 7):
    s.send(v)
print(s.send(None))


def plain_inner():
    yield "a"
    yield "b"


def plain_outer():
    yield "before"
    yield from plain_inner()
    yield "after"


p = plain_outer()
print(p.gi_yieldfrom)
next(p)
print(p.gi_yieldfrom)
next(p)
print(p.gi_yieldfrom.__name__, p.gi_yieldfrom.gi_yieldfrom)
next(p)
next(p)
print(p.gi_yieldfrom, list(p), p.gi_yieldfrom)
over_list = (lambda: (yield from [1, 2]))()
next(over_list)
print(type(over_list.gi_yieldfrom).__name__)
