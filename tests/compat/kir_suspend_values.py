# Values other than plain objects live across a suspension: the callable and self of a
# method call waiting for an argument that is yielded or awaited.
import asyncio
import gc
import math
import sys


class Checker:
    def check(self, a, b):
        print("check", a, b)
        return a is b


async def value(v):
    await asyncio.sleep(0)
    return v


async def main():
    checker = Checker()
    print(checker.check(await value(1), 1))
    items = []
    items.append(await value("x"))
    items.extend([await value("y"), await value("z")])
    print(items, "-".join([await value("a"), await value("b")]))


asyncio.run(main())


def collect():
    out = []
    out.append((yield "first"))
    out.extend([(yield "second"), (yield "third")])
    return out


gen = collect()
print(next(gen), gen.send(1), gen.send(2))
try:
    gen.send(3)
except StopIteration as stop:
    print("returned", stop.value)

# Closed, thrown into and dropped while a method waits: nothing leaks, nothing crashes.
target = []
before = sys.getrefcount(target)


def waits():
    target.append((yield))


for action in ("close", "throw", "drop"):
    g = waits()
    next(g)
    if action == "close":
        g.close()
    elif action == "throw":
        try:
            g.throw(KeyError("thrown"))
        except KeyError as error:
            print("thrown out:", error)
    del g
    gc.collect()
print("references back:", sys.getrefcount(target) == before, target)


def module_function():
    # A function of a module called as a method: no self.
    return math.floor((yield 2.5))


g = module_function()
print(next(g))
try:
    g.send(7.9)
except StopIteration as stop:
    print("floor", stop.value)
