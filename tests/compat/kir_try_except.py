# try/except/else in compiled functions: matching, names, the handled exception,
# return/break/continue out of handlers, errors inside handlers and while matching,
# bare raise, chaining, tracebacks.
import sys
import traceback


def divide_all(values, divisor):
    results = []
    for value in values:
        try:
            results.append(value // divisor)
        except ZeroDivisionError as error:
            results.append(f"zero: {error}")
            if value > 5:
                break
            continue
        except TypeError:
            results.append("type")
        else:
            results.append("ok")
    return results


def handled_state():
    print("before", sys.exc_info()[0])
    try:
        raise KeyError("k")
    except KeyError:
        print("inside", sys.exc_info()[0].__name__)
        try:
            raise ValueError("v")
        except ValueError as inner:
            print("nested", type(inner).__name__, "context", repr(inner.__context__))
        print("restored", sys.exc_info()[0].__name__)
    print("after", sys.exc_info()[0])


def name_unbound():
    try:
        1 / 0
    except ZeroDivisionError as error:
        pass
    try:
        return error
    except UnboundLocalError as problem:
        return "unbound: " + str(problem)


def reraise(kind):
    try:
        raise kind("first")
    except ValueError:
        raise
    except LookupError as error:
        raise RuntimeError("second") from error


def bad_clause():
    try:
        raise ValueError("x")
    except undefined_name:
        return "never"


def return_from_handler():
    try:
        return int("nope")
    except ValueError:
        return "handled"
    finally_like = 1
    return finally_like


def error_in_handler():
    try:
        {}["missing"]
    except KeyError:
        return [][1]


def show(function, *args):
    try:
        print(function.__name__, function(*args))
    except Exception as error:
        lines = traceback.format_exception(type(error), error, error.__traceback__)
        print(function.__name__, "raised", "".join(lines).rstrip())


show(divide_all, [1, 2, 3], 1)
show(divide_all, [1, 7, 3], 0)
show(divide_all, [1, "a", 3], 1)
handled_state()
show(name_unbound)
show(reraise, ValueError)
show(reraise, KeyError)
show(reraise, TypeError)
show(bad_clause)
show(return_from_handler)
show(error_in_handler)
print("exc_info at the end", sys.exc_info())
error_in_handler()
