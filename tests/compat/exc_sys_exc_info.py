# sys.exc_info() and sys.exception() inside handlers, after them, in nested calls and in finally.
import sys


def show(label):
    info = sys.exc_info()
    print(label, info[0].__name__ if info[0] else None, info[1], info[2] is not None)


show("before:")
try:
    raise ValueError("v")
except ValueError:
    show("in handler:")
    try:
        raise KeyError("k")
    except KeyError:
        show("nested handler:")
    show("back in outer handler:")
show("after:")


def called_from_handler():
    show("in callee:")


try:
    raise TypeError("t")
except TypeError:
    called_from_handler()

try:
    try:
        raise OSError("o")
    finally:
        show("in finally with exception:")
except OSError:
    pass

try:
    pass
finally:
    show("in finally without exception:")


def generator():
    show("generator start:")
    yield
    show("generator resumed:")


g = generator()
try:
    raise IndexError("outside")
except IndexError:
    next(g)
try:
    next(g)
except StopIteration:
    pass

try:
    raise RuntimeError("r")
except RuntimeError:
    print("sys.exception():", repr(sys.exception()))
print("sys.exception() after:", sys.exception())


def returns_in_handler():
    try:
        raise LookupError("l")
    except LookupError:
        return sys.exc_info()[0]


print(returns_in_handler().__name__)
show("end:")
t, v, tb = (None, None, None)
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
print(t.__name__, v, tb.tb_lineno > 0, v.__traceback__ is tb)
