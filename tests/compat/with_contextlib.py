# contextlib: contextmanager (normal, suppressing, re-raising), suppress, closing, nullcontext, redirect_stdout.
import contextlib
import io


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")


@contextlib.contextmanager
def swallow(*kinds):
    try:
        yield
    except kinds as e:
        print("swallowed", type(e).__name__, e)


@contextlib.contextmanager
def converting():
    try:
        yield
    except KeyError as e:
        raise LookupError(f"converted {e}") from e


with tag("div") as name:
    with tag("span"):
        print("content of", name)

with swallow(ValueError, TypeError):
    int("nope")
print("after swallow")

try:
    with converting():
        {}["key"]
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

try:
    with tag("err"):
        raise RuntimeError("inside tag")
except RuntimeError as e:
    print("propagated", e)

with contextlib.suppress(FileNotFoundError, ZeroDivisionError):
    1 / 0
print("suppress worked")
with contextlib.suppress():
    pass


class Resource:
    def close(self):
        print("resource closed")


with contextlib.closing(Resource()) as r:
    print("using", type(r).__name__)

with contextlib.nullcontext("value") as v:
    print("nullcontext gives", v)

buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print("captured line")
print("captured:", repr(buffer.getvalue()))


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@contextlib.contextmanager
def yields_twice():
    yield 1
    yield 2


try:
    with yields_twice():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)


@tag("decorated")
def decorated():
    print("inside decorated function")


decorated()
