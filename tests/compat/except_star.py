import sys
def f(n):
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        print("value", repr(e), sys.exception() is e)
    except* TypeError:
        print("type", repr(sys.exception()))
        if n: raise KeyError("k")
    print("not reached" if n else "all handled?")

try:
    f(0)
except* OSError as e:
    print("outer", repr(e))
try:
    f(1)
except ExceptionGroup as e:
    print("outer2", repr(e), [repr(x) for x in e.exceptions])
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e), e.exceptions)
except Exception as e:
    print("bad", e)
def g():
    try:
        1/0
    except* ZeroDivisionError:
        pass
    else:
        print("else?")
    finally:
        print("finally")
    return 5
print(g())
try:
    try:
        raise ValueError
    except* (ExceptionGroup,):
        pass
except TypeError as e:
    print("TE", e)
async def agen():
    xs = [[i + j async for i in ai()] for j in [10, 20]]
    return xs
class ai:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        return self.i
import asyncio
print(asyncio.run(agen()))
def h():
    try:
        raise ExceptionGroup("x", [ValueError(1)])
    except* ValueError:
        raise
h()
