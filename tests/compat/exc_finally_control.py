# return/break/continue inside try and finally; finally overriding return and swallowing errors.
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def finally_sees_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("  finally sets x =", x)


print(finally_overrides(), finally_swallows(), finally_sees_value())


def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


def break_in_finally():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            break
    return out


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out


print(loop_break())
print(loop_continue())
print(break_in_finally())
print(continue_in_finally())


def nested_finally():
    log = []
    try:
        try:
            return log
        finally:
            log.append("inner")
    finally:
        log.append("outer")


print(nested_finally())


def while_with_return(limit):
    n = 0
    while True:
        try:
            n += 1
            if n >= limit:
                return n
        finally:
            if n == 2:
                print("  finally at n=2")


print(while_with_return(3))


def return_from_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("  finally after except return")


print(return_from_except())


def finally_return_in_loop():
    for i in range(3):
        try:
            continue
        finally:
            if i == 1:
                return f"returned at {i}"


print(finally_return_in_loop())
