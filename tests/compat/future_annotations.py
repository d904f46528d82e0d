# `from __future__ import annotations` (PEP 563): annotations are strings, written back
# from the expression as CPython's compiler writes them, and never evaluated.
from __future__ import annotations

import dataclasses
import typing


def f(a: List[int], b: Dict[str,int], c: "quoted", d: Optional[ 'X' ], e: int|None,
      g: Callable[[int, str], bool], h: a.b.c, i: x[1:2, ::3], j: x[()], k: x[a,], l: -1,
      m: 1.5e300, n: 1e400, o: 2j, p: (1, 2), q: (), r: [a, *b], s: {a: b, **c}, t: {a, b},
      u: lambda x, *y, z=1, **w: x, v: a if b else c, w: not a and b or c,
      x: a < b <= c is not d, y: f(a, *b, k=1, **c), z: f(x for x in y if x),
      aa: [x for x in y for z in w], ab: {x: y for x in z}, ac: f"a{b!r:>{w}}c{{",
      ad: b'\x00bytes', ae: ..., af: None, ag: True, ah: 1 .real, ai: (a + b) * c,
      aj: a ** -b, ak: (-a) ** b, al: -a ** b, am: a - (b - c), an: (a - b) - c,
      ao: x[a:b], aq: u'uni', ar: 'it\'s', as_: "dq\"", at: (a, b)[0], au: a @ b, av: ~a,
      aw: +a, ax: a << b >> c, ay: a & b | c ^ d, ba: x[*a], bb: 10**20, bc: 0x10,
      bd: 1_000, be: 1e16, bf: 1e-5, bg: 0.1, bh: 3.0, bi: {*()}, bj: {**a}, bk: f"{x=}",
      bl: f'{"s"}', bm: (x for x in y), bn: lambda: 1, bo: a[b][c](d).e, bp: f(*a),
      bq: f(a)(b), br: [], bs: {}, bt: 'a' 'b', bu: x[a:b, c],
      bw: a if b else (c if d else e), bx: (a if b else c) if d else e, by: -(-a),
      bz: not not a, ca: (not a) + b, cc: 1e16j, cd: -1e400, cf: a.b[c:d:e], cg: x[:],
      ch: x[::], ci: f'{a}' f"b", cj: f'{a:{b}}', ck: f'{ {a} }', cl: f'{3.0!s}', cm: 'é',
      cn: '\n\t', co: r'\d', cp: 1 if 2 else 3 if 4 else 5, cq: lambda *a: 0,
      cr: lambda *, a: 0, cs: lambda a, /, b=1, *, c, **d: 0, ct: [x async for x in y],
      cu: lambda: (yield), cv: [(y := 1) for x in z], cw: f"{a!a}", cx: "\x01",
      cy: '\U0001F600', cz: f"{x:{y}.{z}}", da: 1e22, db: 123456789012345678.0,
      dc: f'{a, b}', de: f'{a if b else c}', df: f"{f'{a}'}",
      *args: Star[int], kwonly: Kw = 3, **kwargs: Double[str]) -> Tuple[int, ...]:
    pass


for name, text in f.__annotations__.items():
    print(name, type(text).__name__, text)


class Point:
    x: int
    y: "list[Undefined]"
    z: Mapping[str, Point] = {}
    holder = dataclasses  # complex targets: the target's object is evaluated, the
    holder.attribute: Unknown  # annotation is not
    table = {}
    table[len(table)]: Unknown


print(Point.__annotations__)
print(typing.get_type_hints(Point, localns={"Undefined": int, "Mapping": dict}))
module_level: Annotated[int, "meta"] = 5
print(__annotations__)


@dataclasses.dataclass
class Item:
    name: str
    count: int = 0
    tags: typing.ClassVar[list] = []


print(Item("a"), [field.type for field in dataclasses.fields(Item)])


def inner():
    local: NotEvaluated = 1
    return local


print(inner(), inner.__annotations__)


def complex_target():
    missing.attribute: int


try:
    complex_target()
except NameError as error:
    print("NameError:", error)
