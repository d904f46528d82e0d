# The handled-exception state of generators: kept across yields inside except blocks,
# isolated from the caller's, and restored when the generator leaves the handler.
import sys


def name():
    kind = sys.exc_info()[0]
    return kind.__name__ if kind else None


def inside_handler():
    try:
        raise KeyError("in generator")
    except KeyError:
        yield "first " + str(name())
        yield "second " + str(name())
    yield "after handler " + str(name())


g = inside_handler()
print(next(g), "| caller sees", name())
try:
    raise ValueError("caller's")
except ValueError:
    print(next(g), "| caller sees", name())
print(next(g), "| caller sees", name())


def sees_caller():
    yield name()
    yield name()


s = sees_caller()
try:
    raise IndexError
except IndexError:
    print("started in handler:", next(s))
print("resumed outside:", next(s))


def reraises():
    try:
        raise OSError("kept")
    except OSError:
        yield "suspended in handler"
        raise


r = reraises()
next(r)
try:
    next(r)
except OSError as e:
    print("bare raise after resume:", e)


def with_context():
    try:
        yield
    except TypeError:
        raise ValueError("converted")


w = with_context()
next(w)
try:
    w.throw(TypeError("thrown"))
except ValueError as e:
    print(e, "context:", repr(e.__context__))


def finally_return():
    try:
        yield 1
        raise RuntimeError("lost")
    finally:
        return "finally wins"


f = finally_return()
next(f)
try:
    next(f)
except StopIteration as e:
    print("StopIteration value:", e.value)


def nested_gens():
    try:
        raise LookupError("outer gen")
    except LookupError:
        inner = sees_caller()
        yield next(inner)


print(list(nested_gens()))
print("at the end:", name())
