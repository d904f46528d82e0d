# async def, await, coroutine objects and their protocol, driven by hand and by asyncio.
import asyncio
import collections.abc
import inspect
import types
import warnings


async def add(a, b):
    return a + b


async def chain(n):
    total = 0
    for i in range(n):
        total += await add(i, 1)
    return total


def drive(coroutine):
    """Runs a coroutine that never suspends: one send() raises StopIteration."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("suspended")


print(drive(add(2, 3)), drive(chain(4)))

c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await)
print(c.cr_code.co_name, bool(c.cr_code.co_flags & inspect.CO_COROUTINE))
print(inspect.iscoroutinefunction(add), asyncio.iscoroutinefunction(add))
print(asyncio.iscoroutine(c), isinstance(c, collections.abc.Coroutine),
      isinstance(c, collections.abc.Awaitable), inspect.isawaitable(c))
print(drive(c))
try:
    c.send(None)
except RuntimeError as error:
    print("RuntimeError:", error)


# __await__ and a hand-written awaitable.
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        print("  Ready.__await__")
        return (yield self.value)


async def uses_ready():
    received = await Ready("yielded to the driver")
    return f"received {received!r}"


co = uses_ready()
print(co.send(None))
print(co.cr_await is not None, co.cr_suspended)
try:
    co.send("hello")
except StopIteration as stop:
    print("returned", stop.value)

# await on what cannot be awaited
async def bad_await(value):
    return await value

for value in [1, "s", None]:
    try:
        drive(bad_await(value))
    except TypeError as error:
        print("TypeError:", error)


class BadAwait:
    def __await__(self):
        return 5


try:
    drive(bad_await(BadAwait()))
except TypeError as error:
    print("TypeError:", error)

# throw() and close() into a suspended coroutine
async def guarded():
    try:
        await Ready(1)
    except ValueError as error:
        print("  caught", error)
        return "recovered"
    finally:
        print("  finally runs")


g = guarded()
g.send(None)
try:
    g.throw(ValueError("boom"))
except StopIteration as stop:
    print("after throw:", stop.value)
g = guarded()
g.send(None)
g.close()
print("closed", g.cr_frame)

# The wrapper from __await__()
w = add(5, 6).__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as stop:
    print("wrapper result", stop.value)


# Exceptions propagate through awaits with the right traceback entries.
async def fails():
    raise KeyError("missing")


async def calls_fails():
    await fails()


try:
    drive(calls_fails())
except KeyError as error:
    print("KeyError", error)


# asyncio.run with a compiled coroutine
async def main():
    await asyncio.sleep(0)
    values = [await add(i, i) for i in range(3)]
    return values


print(asyncio.run(main()))

# Never awaited: a RuntimeWarning when the coroutine is collected.
def show(message, category, filename, lineno, file=None, line=None):
    print(f"warning: {category.__name__}: {message}")


warnings.showwarning = show
unawaited = add(1, 1)
del unawaited

# A coroutine awaited twice at once
async def waiter(fut):
    return await fut


async def double_await():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    inner = waiter(fut)
    t = asyncio.ensure_future(inner)
    await asyncio.sleep(0)
    try:
        await inner
    except RuntimeError as error:
        print("RuntimeError:", error)
    fut.set_result("done")
    print(await t)


asyncio.run(double_await())
drive(calls_fails())
