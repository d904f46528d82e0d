# Custom context managers: suppressing and not, what __exit__ receives, __enter__'s value.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print(f"exit {self.name}: {kind} {exc!r} traceback={tb is not None}")
        return self.suppress


with Tracker("plain") as value:
    print("body with", value)

with Tracker("quiet", suppress=True):
    raise ValueError("suppressed")
print("continues after suppression")

try:
    with Tracker("loud"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught outside", repr(e))


def returns_inside():
    with Tracker("ret"):
        return "returned value"


print(returns_inside())


def loop_control():
    out = []
    for i in range(3):
        with Tracker(f"loop{i}"):
            if i == 0:
                continue
            if i == 2:
                break
            out.append(i)
    return out


print(loop_control())


class Truthy:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return "non-empty string is true"


with Truthy() as t:
    raise RuntimeError("swallowed by truthy result")
print("truthy suppressed:", type(t).__name__)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    with 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)


class ExitReplaces:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise OSError("from __exit__")


try:
    with ExitReplaces():
        raise ValueError("original")
except OSError as e:
    print("replaced:", e, "context:", repr(e.__context__))
