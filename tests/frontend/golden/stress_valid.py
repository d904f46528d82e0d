x = 1 if 2 else 3 if 4 else 5
a = b = c
del (a), [b]
f = lambda: (yield)
@buttons[0].clicked.connect
def g(): pass
print(*a, *b, **c, **d)
f(a)(b)(c)
x[1:2, ...]
x[::2], x[:, None], x[..., :], x[1:], x[:-1], x[a:b:c]
class A(B, **kw): pass
async def h():
    return [x async for x in y], [await z for z in w], (await q)
def k():
    return *a, *b
    yield *a, *b
for x in *a, *b: pass
for *a, b in c: pass
[y := f(x) for x in data]
def p(a, b=1, /, c=2, *, d=3): pass
n = [0_0, 1_000.000_1e1_0j, 1e22, 1e-7, 5e-324, 1.7976931348623157e308, 9007199254740993, 1e-7j, 0.0j, 0.1 + 0.2]
n2 = 0x123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
s = ['\r\x00\x7f\u2028\u00a0\ufeff', b'\'"', '\N{EM DASH}', "\t\\", '\U0010ffff', '\xff\xfe', r'\N{x}']
t = f'{x!r:^{width}.{precision}}' f'{"nested"}' f"{x:{'>'}10}" f"{'a' if x else 'b'}" f'{x["a"]!s:>10}'
u = f'''{x
}''' f"é{x}ü{y!a}" f"{x:{y}{z}}" f"{{}}{x}{{" f'{x:{{}}}'
v = ("a"  # comment
     "b"
     f"{c}")
match p:
    case {**rest}: pass
    case [1, *_]: pass
    case str() | bytes(): pass
    case Point(x, y=0) as pt if pt: pass
    case {"a": [1, 2, {"b": c}]}: pass
    case -0j | 0 | -1.5 | 1 - 2j | b"x" | f.g: pass
x = 1;
if x: pass; y = 2
...
a < b not in c is not d
z = lambda: x if y else w
class M(metaclass=Meta): pass
if True:
	x = 1
	if y:
		z = 2
w = [
    1,  # one
    2,
]
def long_sig(
    a,
    b: int = 3,
    *args,
    c,
    **kwargs,
) -> "R":
    pass
with (open(a) as f, open(b) as g,): pass
with (a, b) as c: pass
try:
    pass
except* (A, B) as e:
    raise
global a, b
assert (x, y)
import a.b.c
from . import (a, b)
x: list[int] = []
x.y: int
(x): int
x[0]: int = 1
lambda *a, **k: 0
lambda a, /, b: 0
