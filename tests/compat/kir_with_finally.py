# with and try/finally in compiled functions: __exit__ on every way out (normal, break,
# continue, return, an exception, an exception it suppresses), finally bodies on every
# way out, a return or break inside finally discarding the exception, errors in
# __enter__/__exit__ and in final bodies, the value returned through a finally that
# rebinds its variable.
import sys


class Manager:
    def __init__(self, name, suppress=False, fail_exit=False):
        self.name, self.suppress, self.fail_exit = name, suppress, fail_exit

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, kind, value, traceback):
        print("exit", self.name, kind.__name__ if kind else None, value)
        if self.fail_exit:
            raise RuntimeError("exit failed")
        return self.suppress


class NoExit:
    def __enter__(self):
        return self


def loop_with():
    for i in range(4):
        with Manager(f"m{i}") as value:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", value)
    return "loop done"


def return_in_with():
    with Manager("r") as value, Manager("inner"):
        return value + "!"


def suppressed():
    with Manager("s", suppress=True):
        raise KeyError("hidden")
    return "after suppressed"


def exit_fails():
    with Manager("f", fail_exit=True):
        raise ValueError("original")


def not_a_manager():
    with NoExit():
        return "never"


def finally_order(flag):
    log = []
    try:
        log.append("body")
        if flag == "raise":
            raise ValueError("boom")
        if flag == "return":
            return log
    finally:
        log.append("finally")
        print("finally sees", sys.exc_info()[0])
    log.append("after")
    return log


def finally_swallows():
    for i in range(3):
        try:
            raise IndexError(i)
        finally:
            if i == 1:
                break
    try:
        raise TypeError("t")
    finally:
        return "swallowed"


def finally_rebinds():
    value = "original"
    try:
        return value
    finally:
        value = "rebound"


def finally_raises():
    try:
        raise KeyError("first")
    finally:
        raise LookupError("second")


def except_finally(x):
    try:
        result = 10 / x
    except ZeroDivisionError:
        result = "inf"
        return result
    else:
        result = result * 2
    finally:
        print("cleanup", x)
    return result


def show(function, *args):
    try:
        print(function.__name__, function(*args))
    except Exception as error:
        print(function.__name__, "raised", type(error).__name__, error, "context:", repr(error.__context__))


show(loop_with)
show(return_in_with)
show(suppressed)
show(exit_fails)
show(not_a_manager)
show(finally_order, "none")
show(finally_order, "return")
show(finally_order, "raise")
show(finally_swallows)
show(finally_rebinds)
show(finally_raises)
show(except_finally, 0)
show(except_finally, 4)
print(sys.exc_info())
exit_fails()
