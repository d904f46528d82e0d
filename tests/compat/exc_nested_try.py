# Nested try statements, re-raise in nested handlers, handlers inside finally.
def level(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        level(n - 1)
    except ValueError as e:
        raise ValueError(f"level {n}") from e


try:
    level(3)
except ValueError as e:
    chain = []
    while e is not None:
        chain.append(str(e))
        e = e.__cause__
    print(chain)


def reraise_nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError:
            try:
                raise TypeError("handler's own")
            except TypeError:
                pass
            raise
    except KeyError as e:
        return f"outer got {e!r}, context={e.__context__!r}"


print(reraise_nested())


def inner_handler_does_not_match():
    try:
        try:
            1 / 0
        except KeyError:
            return "wrong"
        finally:
            print("  inner finally")
    except ZeroDivisionError as e:
        return f"outer caught {e}"


print(inner_handler_does_not_match())


def handler_in_finally():
    log = []
    try:
        raise RuntimeError("main")
    except RuntimeError:
        log.append("handled main")
    finally:
        try:
            raise OSError("in finally")
        except OSError as e:
            log.append(f"handled {e}")
    return log


print(handler_in_finally())


def deep(depth):
    try:
        if depth:
            return deep(depth - 1)
        raise LookupError("deepest")
    finally:
        print("  unwinding", depth)


try:
    deep(2)
except LookupError as e:
    print("caught", e)

count = 0
for attempt in range(3):
    try:
        try:
            count += 1
            if attempt < 2:
                raise ConnectionError(f"attempt {attempt}")
            print("succeeded on", attempt)
        except ConnectionError as e:
            print("retry after", e)
            continue
    finally:
        print("  attempt done", attempt)
print("count", count)
