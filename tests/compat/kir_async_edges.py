# Hard cases of async for, async with and asynchronous comprehensions (compiled
# through Kiln IR): loop control, errors from the protocols, suppression, returns
# through nested async with blocks, reference counts of what the loops hold.
import asyncio
import sys


class Ticker:
    """An async iterator over range(n), logging its protocol calls."""

    def __init__(self, n, log, fail_at=None, error=ValueError):
        self.n = n
        self.i = 0
        self.log = log
        self.fail_at = fail_at
        self.error = error

    def __aiter__(self):
        self.log.append("aiter")
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i == self.fail_at:
            raise self.error(f"anext failed at {self.i}")
        if self.i >= self.n:
            self.log.append("stop")
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class BadAiter:
    def __aiter__(self):
        return 42


class NoAiter:
    pass


class SyncAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7  # not awaitable


class StopDirectly:
    def __aiter__(self):
        return self

    def __anext__(self):
        raise StopAsyncIteration  # raised by the call itself, not by awaiting


async def loop_control():
    log = []
    out = []
    async for i in Ticker(10, log):
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("else-not-run")
    print("break/continue:", out, log)
    log = []
    async for i in Ticker(3, log):
        out.append(i * 10)
    else:
        out.append("else")
    print("else:", out, log)
    async for i in StopDirectly():
        print("never")
    else:
        print("StopAsyncIteration from the call ends the loop")
    # nested loops, break out of the inner one
    pairs = []
    async for i in agen(3):
        async for j in agen(3):
            if j > i:
                break
            pairs.append((i, j))
    print("nested:", pairs)


async def loop_errors():
    log = []
    try:
        async for i in Ticker(5, log, fail_at=2):
            print("item", i)
    except ValueError as e:
        print("anext raised:", type(e).__name__, e)
        print("line of the async for:", e.__traceback__.tb_lineno - loop_errors.__code__.co_firstlineno)
    try:
        async for i in Ticker(5, [], fail_at=1, error=StopIteration):
            print("item", i)
    except BaseException as e:
        print("StopIteration from __anext__:", type(e).__name__, e)
    try:
        async for i in Ticker(5, []):
            if i == 2:
                raise KeyError(i)
    except KeyError as e:
        print("body raised:", repr(e))
    for bad in (BadAiter(), NoAiter(), SyncAnext(), 5):
        try:
            async for i in bad:
                print("never", i)
        except TypeError as e:
            print("TypeError:", e, "| cause:", repr(e.__cause__))


async def returns_from_loop():
    async for i in agen(10):
        if i == 3:
            return i
    return -1


async def loop_in_try_finally():
    out = []
    for attempt in range(2):
        try:
            async for i in agen(5):
                if i == attempt + 1:
                    break
                out.append((attempt, i))
        finally:
            out.append(("finally", attempt))
    return out


class Manager:
    def __init__(self, name, log, suppress=False, exit_raises=None, enter_raises=None, exit_result=None):
        self.name = name
        self.log = log
        self.suppress = suppress
        self.exit_raises = exit_raises
        self.enter_raises = enter_raises
        self.exit_result = exit_result

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"enter {self.name}")
        if self.enter_raises:
            raise self.enter_raises
        return self.name.upper()

    async def __aexit__(self, kind, value, tb):
        await asyncio.sleep(0)
        self.log.append(f"exit {self.name} {kind.__name__ if kind else None} "
                        f"{sys.exc_info()[1]!r}")
        if self.exit_raises:
            raise self.exit_raises
        return self.suppress


class ExitNotAwaitable:
    async def __aenter__(self):
        return self

    def __aexit__(self, *args):
        return 3


class EnterNotAwaitable:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *args):
        print("not called")


class SyncOnly:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        return False


async def with_cases():
    log = []
    async with Manager("a", log) as a, Manager("b", log) as b:
        log.append(f"body {a} {b}")
    print(log)
    log = []
    async with Manager("s", log, suppress=True):
        raise ValueError("suppressed")
    print("after suppression:", log, sys.exc_info())
    log = []
    try:
        async with Manager("r", log, exit_raises=RuntimeError("from aexit")):
            raise ValueError("original")
    except RuntimeError as e:
        print("aexit raised:", repr(e), "context:", repr(e.__context__), log)
    log = []
    try:
        async with Manager("e", log, enter_raises=KeyError("enter")):
            print("never")
    except KeyError as e:
        print("aenter raised:", repr(e), log)
    for manager in (ExitNotAwaitable(), EnterNotAwaitable(), SyncOnly()):
        try:
            async with manager:
                pass
        except TypeError as e:
            print("TypeError:", e)
    try:
        async with ExitNotAwaitable():
            raise ValueError("inside")
    except TypeError as e:
        print("TypeError:", e, "| context:", repr(e.__context__))
    log = []
    try:
        async with Manager("p", log):
            raise IndexError("propagates")
    except IndexError as e:
        print("propagated:", repr(e), log)
        print("line:", e.__traceback__.tb_lineno - with_cases.__code__.co_firstlineno)


async def nested_return(log):
    async with Manager("outer", log):
        async with Manager("inner", log) as inner:
            for i in range(3):
                async with Manager(f"loop{i}", log):
                    if i == 1:
                        return f"returned {inner}"
    return "not reached"


async def with_in_loop(log):
    out = []
    async for i in agen(4):
        async with Manager(f"m{i}", log, suppress=(i == 2)):
            if i == 0:
                continue
            if i == 2:
                raise ValueError(i)
            if i == 3:
                break
            out.append(i)
    return out


async def value(x):
    await asyncio.sleep(0)
    return x


async def comprehensions():
    print([i async for i in agen(5)])
    print([i * j async for i in agen(4) if i % 2 for j in range(3) if j])
    print({i % 3 async for i in agen(7)})
    print({i: [j async for j in agen(i)] async for i in agen(4) if i != 2})
    print([await value(i) for i in range(4)])
    print([await value(i) for i in range(6) if await value(i % 2)])
    print({k: await value(k * 2) for k in "ab"})
    print([[j async for j in agen(i)] for i in range(3)])
    print([x for x in [await value(i) for i in range(3)]])
    gen = (i * 2 async for i in agen(4) if i != 1)
    print(type(gen).__name__, [v async for v in gen])
    gen = (await value(i) for i in range(3))
    print(type(gen).__name__, [v async for v in gen])
    try:
        print([i async for i in Ticker(5, [], fail_at=3)])
    except ValueError as e:
        print("in comprehension:", e)
    try:
        print([1 / (i - 2) async for i in agen(5)])
    except ZeroDivisionError as e:
        print("element raised:", e)
    try:
        [i async for i in 5]
    except TypeError as e:
        print("TypeError:", e)
    try:
        [i async for i in agen(2) async for j in BadAiter()]
    except TypeError as e:
        print("TypeError:", e)
    x = 10
    print([i + x async for i in agen(3)])


async def main():
    await loop_control()
    await loop_errors()
    print("returned:", await returns_from_loop())
    print(await loop_in_try_finally())
    await with_cases()
    log = []
    print(await nested_return(log), log)
    log = []
    print(await with_in_loop(log), log)
    await comprehensions()
    # what the loops and managers held is released
    before = sys.getrefcount(Manager)
    for _ in range(20):
        await with_in_loop([])
    print("references kept:", sys.getrefcount(Manager) - before)


asyncio.run(main())


# Generators closed or cancelled inside async for and async with, an async generator
# expression made in a plain function, except* clauses that await.
async def closing_agen(n, log):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append("agen closed")


def plain_function(log):
    return (i * 3 async for i in closing_agen(3, log))


class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("bool failed")


class Mgr:
    def __init__(self, log, result=None):
        self.log = log
        self.result = result

    async def __aenter__(self):
        self.log.append("enter")
        return self

    async def __aexit__(self, *exc):
        self.log.append(f"exit {exc[0].__name__ if exc[0] else None}")
        return self.result


async def inner_gen(log):
    async with Mgr(log):
        async for i in closing_agen(5, log):
            yield i


async def break_in_finally(log):
    try:
        async with Mgr(log):
            async for i in closing_agen(5, log):
                if i == 2:
                    break
                log.append(i)
            log.append("after loop")
    finally:
        log.append("finally")


async def star_with_await(log):
    try:
        raise ExceptionGroup("g", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        await asyncio.sleep(0)
        log.append(("value", sys.exc_info()[1] is e))
    except* KeyError:
        async with Mgr(log):
            log.append("key")


async def more():
    log = []
    print([v async for v in plain_function(log)], log)
    log = []
    g = inner_gen(log)
    print(await g.__anext__(), await g.__anext__())
    await g.aclose()
    print("aclose:", log)
    log = []
    await break_in_finally(log)
    print(log)
    log = []
    try:
        async with Mgr(log, BadBool()):
            raise ValueError("v")
    except ZeroDivisionError as e:
        print("bool of aexit result:", e, repr(e.__context__), log)
    log = []
    await star_with_await(log)
    print(log)
    log = []
    t = asyncio.ensure_future(break_in_finally(log))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", log)


asyncio.run(more())


def drive(coroutine):
    """Runs a coroutine whose awaits suspend with None (asyncio.sleep(0))."""
    while True:
        coroutine.send(None)


async def uncaught():
    async for i in Ticker(3, [], fail_at=1):
        pass


drive(uncaught())
