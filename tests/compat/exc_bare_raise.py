# Bare raise: re-raising the handled exception, and with no active exception.
import sys


def reraise():
    try:
        raise ValueError("original")
    except ValueError:
        print("handling", sys.exc_info()[1])
        raise


try:
    reraise()
except ValueError as e:
    print("caught again", e, e.__traceback__ is not None)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)


def reraise_after_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise IndexError("inner")
        except IndexError:
            pass
        raise


try:
    reraise_after_nested()
except KeyError as e:
    print("outer restored", repr(e))


def helper_raises():
    raise


def calls_helper():
    try:
        raise TypeError("from caller")
    except TypeError:
        helper_raises()


try:
    calls_helper()
except TypeError as e:
    print("helper re-raised", e)


def reraise_in_finally():
    try:
        raise OSError("in try")
    finally:
        print("  exc_info in finally:", type(sys.exc_info()[1]).__name__)


try:
    reraise_in_finally()
except OSError as e:
    print("finally passed it on", e)


def raise_modified():
    try:
        raise ValueError("one")
    except ValueError as e:
        e.args = ("changed",)
        raise


try:
    raise_modified()
except ValueError as e:
    print(e)

print(sys.exc_info())
