# Frame locals of compiled functions (f_locals, locals(), vars(), dir(), eval() and
# exec() without namespaces), and generators, coroutines and async generators seen
# through types, inspect and their frames.
import asyncio
import inspect
import sys
import traceback
import types


def locals_of_function(a, b=2, *rest, **named):
    total = a + b
    captured = "cell"

    def inner():
        return captured

    snapshot = dict(sys._getframe().f_locals)
    del snapshot["inner"]
    print(sorted(snapshot.items()))
    print(sorted(locals()))
    print(eval("a + total"), eval("b * 10", None, None), eval("captured"))
    exec("print('exec sees', total, rest, named)")
    print(sorted(vars()), dir()[:3])
    return inner


print(locals_of_function(1, 5, 6, key="v")())


def traceback_locals():
    secret = 42
    try:
        1 / 0
    except ZeroDivisionError as error:
        frame = error.__traceback__.tb_frame
        print("tb_frame locals", frame.f_locals["secret"], frame.f_code.co_name)


traceback_locals()


def counter(limit):
    count = 0
    while count < limit:
        received = yield count
        count += 1 if received is None else received
    return "finished"


gen = counter(5)
print(type(gen) is types.GeneratorType, inspect.isgenerator(gen), inspect.getgeneratorstate(gen))
print(next(gen), gen.gi_frame.f_locals["count"], inspect.getgeneratorlocals(gen))
print(gen.send(2), inspect.getgeneratorstate(gen), gen.gi_frame.f_lineno)
print(gen.send(1), gen.gi_frame.f_lineno, gen.gi_running, gen.gi_suspended)
try:
    gen.send(10)
except StopIteration as stop:
    print("returned", stop.value, inspect.getgeneratorstate(gen), gen.gi_frame)


def delegating():
    result = yield from counter(2)
    print("delegate said", result)
    yield "after"


outer = delegating()
print(next(outer), outer.gi_yieldfrom.gi_code.co_name, outer.gi_yieldfrom.gi_frame.f_locals)
print(next(outer), next(outer), outer.gi_yieldfrom)
outer.close()
print(inspect.getgeneratorstate(outer))


def closes():
    try:
        yield 1
    finally:
        print("closing at", sys._getframe().f_lineno)


g = closes()
next(g)
del g


async def deep():
    stack = traceback.extract_stack()
    print([(entry.name, entry.lineno) for entry in stack[-3:]])
    await asyncio.sleep(0)
    return 7


async def middle():
    awaited = deep()
    print(type(awaited) is types.CoroutineType, inspect.iscoroutine(awaited),
          inspect.isawaitable(awaited))
    value = await awaited
    return value * 6


async def watcher(task):
    await asyncio.sleep(0)
    coroutine = task.get_coro()
    print("cr_await", type(coroutine.cr_await).__name__, coroutine.cr_frame.f_code.co_name)
    return await task


async def main():
    task = asyncio.ensure_future(middle())
    return await watcher(task)


coro = main()
print(type(coro).__name__, asyncio.iscoroutine(coro), inspect.iscoroutinefunction(main))
print(asyncio.run(coro))


async def numbers():
    for i in range(3):
        yield i
        await asyncio.sleep(0)


async def use_numbers():
    stream = numbers()
    print(type(stream) is types.AsyncGeneratorType, inspect.isasyncgen(stream),
          inspect.isasyncgenfunction(numbers))
    return [x async for x in stream]


print(asyncio.run(use_numbers()))


@types.coroutine
def legacy():
    value = yield "from legacy"
    return value


async def uses_legacy():
    return await legacy()


c = uses_legacy()
print(c.send(None))
try:
    c.send(41)
except StopIteration as stop:
    print("legacy result", stop.value)
