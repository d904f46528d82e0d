import collections
import inspect
import logging
import sys
import traceback
import warnings


def where():
    frame = sys._getframe(1)
    return frame.f_code.co_name, frame.f_lineno, frame.f_globals["__name__"]


def outer():
    return inner(
        1)


def inner(x):
    stack = inspect.stack()
    names = [info.function for info in stack[:3]]
    lines = [info.lineno for info in stack[:3]]
    return names, lines, where()


print(outer())
print(where())


def summary():
    return [(entry.name, entry.lineno) for entry in traceback.extract_stack()][-3:]


def calls_summary():
    value = summary()
    return value


print(calls_summary())

Point = collections.namedtuple("Point", "x y")
print(Point.__module__, Point(1, 2))


def make_type():
    Local = collections.namedtuple("Local", "a")
    return Local.__module__


print(make_type())

logging.basicConfig(format="%(levelname)s %(funcName)s:%(lineno)d %(message)s", stream=sys.stdout)


def logs():
    logging.warning("from a function")
    logging.getLogger("x").error(
        "spans lines %d", 2)


logs()
logging.warning("at module level")

warnings.simplefilter("always")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print(
    "warning", category.__name__, filename.rsplit("/", 1)[-1], lineno, message)


def deprecated():
    warnings.warn("old", DeprecationWarning, stacklevel=2)


def user():
    deprecated()


user()
deprecated()


def frame_chain():
    frame = inspect.currentframe()
    names = []
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def chain_caller():
    return frame_chain()


print(chain_caller())


def generator():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name


print(list(generator()))


class Klass:
    name_in_body = sys._getframe().f_code.co_name
    module_in_body = sys._getframe().f_locals["__module__"]


print(Klass.name_in_body, Klass.module_in_body)
print(sys._getframe().f_code.co_name, sys._getframe().f_locals is globals())
lam = lambda: sys._getframe().f_code.co_name
print(lam(), [sys._getframe().f_code.co_name for _ in range(1)])


def caught():
    try:
        1 / 0
    except ZeroDivisionError as error:
        tb = error.__traceback__
        return tb.tb_frame.f_code.co_name, tb.tb_lineno


print(caught())
try:
    sys._getframe(1000)
except ValueError as error:
    print("ValueError", error)
