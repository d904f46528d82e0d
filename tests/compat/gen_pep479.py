# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def leaks_stop():
    yield 1
    raise StopIteration("inside")


g = leaks_stop()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppressed context:", e.__suppress_context__)


def next_on_empty():
    it = iter([])
    yield next(it)


try:
    list(next_on_empty())
except RuntimeError as e:
    print("list():", e, type(e.__cause__).__name__)


def guarded():
    it = iter([1])
    while True:
        try:
            value = next(it)
        except StopIteration:
            return "clean"
        yield value


print(list(guarded()))


def catches_inside():
    try:
        raise StopIteration
    except StopIteration:
        yield "caught StopIteration inside"


print(list(catches_inside()))


def stop_subclass():
    class MyStop(StopIteration):
        pass

    yield 0
    raise MyStop("sub")


try:
    list(stop_subclass())
except RuntimeError as e:
    print("subclass:", e, type(e.__cause__).__name__)


def via_yield_from():
    yield from leaks_stop()


try:
    for v in via_yield_from():
        print("value", v)
except RuntimeError as e:
    print("yield from:", e)

genexpr = (next(iter([])) for _ in range(2))
try:
    list(genexpr)
except RuntimeError as e:
    print("genexpr:", e)

try:
    [next(iter([])) for _ in range(2)]
except StopIteration as e:
    print("list comprehension lets StopIteration through:", repr(e))
