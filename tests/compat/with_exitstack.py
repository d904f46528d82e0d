# contextlib.ExitStack: dynamic numbers of managers, callbacks, pop_all, exceptions in callbacks.
import contextlib


class Named:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self.name

    def __exit__(self, *exc):
        self.log.append(f"exit {self.name}")
        return False


log = []
with contextlib.ExitStack() as stack:
    names = [stack.enter_context(Named(n, log)) for n in "abc"]
    stack.callback(log.append, "callback")
    log.append(f"body {names}")
print(log)

log = []
try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(Named("one", log))
        stack.callback(lambda: log.append("lambda callback"))
        raise ValueError("body failed")
except ValueError as e:
    log.append(f"caught {e}")
print(log)

log = []
with contextlib.ExitStack() as stack:
    stack.enter_context(Named("kept", log))
    moved = stack.pop_all()
log.append("stack closed")
moved.close()
print(log)

log = []


def failing_callback():
    raise KeyError("callback error")


try:
    with contextlib.ExitStack() as stack:
        stack.callback(log.append, "runs anyway")
        stack.callback(failing_callback)
except KeyError as e:
    log.append(f"caught {e!r}")
print(log)


@contextlib.contextmanager
def quiet():
    try:
        yield
    except ZeroDivisionError:
        log.append("quiet swallowed")


log = []
with contextlib.ExitStack() as stack:
    stack.enter_context(quiet())
    1 / 0
log.append("after suppressed")
print(log)

try:
    with contextlib.ExitStack() as stack:
        stack.enter_context(object())
except TypeError as e:
    print(type(e).__name__, e)
