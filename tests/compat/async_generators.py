# async generators: async for over them, asend/athrow/aclose, finalization by asyncio.
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def echo():
    received = None
    try:
        while True:
            received = yield f"echo {received}"
    except GeneratorExit:
        print("  echo closing")
        raise
    finally:
        print("  echo finally")


async def catcher():
    try:
        yield 1
    except ValueError as error:
        print("  caught", error)
        yield "after error"
    yield "end"


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def cleanup_logger(name):
    try:
        for i in range(10):
            yield i
    finally:
        print(f"  cleanup {name}")


async def main():
    print([i async for i in ticker(4)])
    agen = ticker(2)
    print(type(agen).__name__, agen.__name__, agen.__qualname__, agen.ag_running)
    print(await agen.__anext__(), await anext(agen), await anext(agen, "default"))
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")

    e = echo()
    print(await e.asend(None))
    print(await e.asend("hello"))
    print(await e.asend("world"))
    await e.aclose()
    print("closed again:", await e.aclose())

    c = catcher()
    print(await anext(c))
    print(await c.athrow(ValueError("bad")))
    print(await anext(c))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("catcher done")

    i = ignores_exit()
    await anext(i)
    try:
        await i.aclose()
    except RuntimeError as error:
        print("RuntimeError:", error)

    # break out of async for: asyncio's shutdown_asyncgens closes it
    async for value in cleanup_logger("early break"):
        if value == 1:
            break
    g = cleanup_logger("explicit")
    await anext(g)
    await g.aclose()

    # StopAsyncIteration raised inside becomes RuntimeError
    async def bad():
        raise StopAsyncIteration
        yield

    try:
        await anext(bad())
    except RuntimeError as error:
        print("RuntimeError:", error)


asyncio.run(main())
print("after run")
