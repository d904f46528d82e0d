# try/except/else/finally in all combinations, with and without an exception.
def run(label, fail):
    steps = []
    try:
        steps.append("body")
        if fail:
            raise ValueError(label)
    except ValueError as e:
        steps.append(f"except {e}")
    else:
        steps.append("else")
    finally:
        steps.append("finally")
    print(label, steps)


run("ok", False)
run("bad", True)


def only_finally(fail):
    try:
        if fail:
            raise KeyError("k")
        return "returned"
    finally:
        print("  finally runs, fail =", fail)


print(only_finally(False))
try:
    only_finally(True)
except KeyError as e:
    print("propagated", repr(e))


def except_else(n):
    try:
        value = 10 // n
    except ZeroDivisionError:
        return "division by zero"
    else:
        return f"value {value}"


print(except_else(2), "|", except_else(0))


def several_handlers(obj):
    try:
        return obj["key"] + 1
    except KeyError:
        return "KeyError"
    except TypeError as e:
        return f"TypeError({e})"
    except Exception as e:
        return f"other {type(e).__name__}"


print(several_handlers({"key": 1}))
print(several_handlers({}))
print(several_handlers(5))
print(several_handlers({"key": "s"}))
print(several_handlers([]))


def error_in_else():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise RuntimeError("from else")
    finally:
        print("  finally after else error")


try:
    error_in_else()
except RuntimeError as e:
    print("caught", e)


def error_in_handler():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("  finally after handler error")


try:
    error_in_handler()
except TypeError as e:
    print("caught", e, "context:", repr(e.__context__))

try:
    try:
        raise OSError(2, "No such thing")
    except (KeyError, OSError) as e:
        print("tuple handler", type(e).__name__, e.errno, e.strerror)
except Exception:
    print("not reached")

try:
    raise IndexError
except LookupError as e:
    print("base class handler", type(e).__name__, repr(e), str(e) == "")
