# with statements: __enter__ value binding, __exit__ arguments, suppressing
# exceptions, multiple managers (exit order), exceptions in __enter__/__exit__,
# return/break inside with, and contextlib.contextmanager.
import contextlib
import io
log = []
class Manager:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        log.append(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        log.append(f"exit {self.name} {exc_type.__name__ if exc_type else None} {exc!s} {tb is not None}")
        return self.suppress
with Manager("a") as value:
    log.append(f"body {value}")
print(log); log.clear()
with Manager("outer") as o, Manager("inner") as i:
    log.append(f"body {o} {i}")
print(log); log.clear()
with Manager("swallow", suppress=True):
    raise ValueError("swallowed")
print("after suppressed", log); log.clear()
try:
    with Manager("passes"):
        raise KeyError("propagates")
except KeyError as error:
    print("caught", repr(error), log); log.clear()
def returns_inside():
    with Manager("ret"):
        return "returned"
print(returns_inside(), log); log.clear()
for n in range(3):
    with Manager(f"loop{n}"):
        if n == 1:
            break
print(log); log.clear()
class BadEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *args):
        log.append("exit should not run")
try:
    with BadEnter():
        log.append("body should not run")
except RuntimeError as error:
    print("RuntimeError:", error, log)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise OSError("exit failed")
try:
    with BadExit():
        raise ValueError("original")
except OSError as error:
    print("OSError:", error, "context:", repr(error.__context__))
@contextlib.contextmanager
def tag(name):
    log.append(f"<{name}>")
    try:
        yield name
    except ZeroDivisionError:
        log.append(f"handled in {name}")
    finally:
        log.append(f"</{name}>")
with tag("p") as t:
    with tag("b"):
        log.append(f"text in {t}")
with tag("div"):
    1 / 0
print(log); log.clear()
class NotAManager:
    pass
try:
    with NotAManager():
        pass
except TypeError as error:
    print("TypeError:", error)
class OnlyEnter:
    def __enter__(self):
        return 1
try:
    with OnlyEnter():
        pass
except TypeError as error:
    print("TypeError:", error)
with contextlib.suppress(KeyError):
    {}["missing"]
print("suppress worked")
with io.StringIO("# with statements: first line\n") as handle:
    first = handle.readline().strip()
print(first[:20], handle.closed)
with Manager("target") as (a, b, *c):
    pass
print(a, b, c)
