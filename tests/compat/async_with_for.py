# async with (__aenter__/__aexit__ awaited) and async for (__aiter__/__anext__), async
# comprehensions, with the protocol errors CPython raises.
import asyncio
import threading


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"  enter {self.name}")
        await asyncio.sleep(0)
        return self.name.upper()

    async def __aexit__(self, kind, value, traceback):
        await asyncio.sleep(0)
        print(f"  exit {self.name} {kind.__name__ if kind else None} {value}")
        return self.suppress


class Counter:
    def __init__(self, stop):
        self.stop = stop

    def __aiter__(self):
        self.current = 0
        return self

    async def __anext__(self):
        await asyncio.sleep(0)
        if self.current >= self.stop:
            raise StopAsyncIteration
        self.current += 1
        return self.current


class NoAexit:
    async def __aenter__(self):
        return 1


async def uses_with():
    async with Resource("a") as a, Resource("b") as b:
        print("  inside", a, b)
    async with Resource("swallow", suppress=True):
        raise KeyError("hidden")
    print("  after suppressed")
    try:
        async with Resource("propagate"):
            raise ValueError("visible")
    except ValueError as error:
        print("  caught", error)
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    async with Resource("ret"):
        return "returned from async with"


async def uses_for():
    async for value in Counter(3):
        print("  value", value)
    else:
        print("  else after exhaustion")
    async for value in Counter(5):
        if value == 2:
            break
    print("  broke at", value)
    squares = [v * v async for v in Counter(4)]
    evens = {v async for v in Counter(6) if v % 2 == 0}
    mapping = {v: str(v) async for v in Counter(2)}
    nested = [(v, w) async for v in Counter(2) for w in range(2)]
    print(" ", squares, sorted(evens), mapping, nested)
    awaited = [await asyncio.sleep(0, result=i) for i in range(3)]
    print("  awaited in comprehension", awaited)
    gen = (v + 100 async for v in Counter(2))
    print("  async genexpr", type(gen).__name__, [x async for x in gen])


async def errors():
    for label, make in [("not a context manager", lambda: 5), ("no __aexit__", NoAexit),
                        ("sync context manager", lambda: threading.Lock())]:
        try:
            async with make():
                pass
        except TypeError as error:
            print(" ", label, "->", error)
    for label, iterable in [("list", [1, 2]), ("int", 3)]:
        try:
            async for _ in iterable:
                pass
        except TypeError as error:
            print(" ", label, "->", error)

    class BadIter:
        def __aiter__(self):
            return 1

    class BadNext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 5

    for label, iterable in [("bad __aiter__", BadIter()), ("bad __anext__", BadNext())]:
        try:
            async for _ in iterable:
                pass
        except TypeError as error:
            print(" ", label, "->", error)


async def main():
    print(await uses_with())
    await uses_for()
    await errors()


asyncio.run(main())
