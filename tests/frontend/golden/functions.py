@decorator
@decorator.attr(arg, k=v)
@(lambda f: f)
def f(a, b: int = 1, /, c=2, *args: "str", d, e: int = 3, **kwargs: dict) -> None:
    """Docstring."""
    return a

async def g(x, *, y=1):
    await x
    async for i in y:
        pass
    async with a as b, c:
        pass
    return [i async for i in aiter() if await i]

def h(*, a): pass
def i(a, /): pass
def j(*args, **kw): pass
def k(a=1, *, b, c=2): pass
def star(*args: *Ts): pass
lam = lambda: 0
lam2 = lambda a, b=1, /, c=2, *d, e, f=3, **g: (a, b)
lam3 = lambda *, k: k
class A: pass
class B(A, metaclass=M, **kw):
    x: int
    y: "str" = "s"
    (z): int = 1
    a.b: int
    c[0]: int = 2
    def m(self): ...
@dataclass
class C(*bases): pass
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield from z
    await_ = 1
