# Exceptions in __enter__ and __exit__; __exit__ on break/return/exception; exit not called when enter fails.
class FailingEnter:
    def __enter__(self):
        raise ConnectionError("enter failed")

    def __exit__(self, *args):
        print("not called")


class FailingExit:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise RuntimeError(f"exit failed ({self.label}, during {exc_type.__name__ if exc_type else None})")


try:
    with FailingEnter():
        print("body not run")
except ConnectionError as e:
    print("caught", e)

try:
    with FailingExit("clean"):
        print("body ran")
except RuntimeError as e:
    print("caught", e, "context:", e.__context__)

try:
    with FailingExit("error"):
        raise ValueError("body error")
except RuntimeError as e:
    print("caught", e, "context:", repr(e.__context__))


def return_then_exit_fails():
    with FailingExit("return"):
        return "value"


try:
    return_then_exit_fails()
except RuntimeError as e:
    print("caught", e)


class ExitChecksTraceback:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is not None:
            print("exit got", exc_type.__name__, exc.__traceback__ is tb, tb.tb_frame is not None)
        return True


def inner():
    raise IndexError("deep")


with ExitChecksTraceback():
    inner()
print("after suppress")


class CountingExit:
    calls = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        CountingExit.calls += 1
        return False


for i in range(3):
    with CountingExit():
        if i == 1:
            break
print("exit calls", CountingExit.calls)


class EnterReturnsOther:
    def __enter__(self):
        return [1, 2]

    def __exit__(self, *exc):
        print("exit of original object")


with EnterReturnsOther() as value:
    print("bound to", value)
