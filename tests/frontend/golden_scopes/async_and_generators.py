# Generators, coroutines, async comprehensions and lambdas.
def gen(n):
    yield n
    yield from range(n)
    x = yield
    return x


async def coro(source):
    async with source as s:
        async for item in s:
            await item
    return [i async for i in source]


gexp = (a for a in range(3))
lam = lambda *a, **k: (yield)
