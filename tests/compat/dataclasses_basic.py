# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory,
# field(init=False, repr=False), __post_init__, InitVar, asdict/astuple/replace,
# fields(), inheritance, and errors for bad definitions and calls.
import dataclasses
from dataclasses import dataclass, field, InitVar
from typing import List
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)
p = Point(1)
q = Point(1, 0)
print(p, p == q, p is q, Point(2, 3, ["a"]), p.secret)
p.tags.append("t")
print(p, q.tags, p == q)
print(dataclasses.asdict(Point(5, 6, ["x"])), dataclasses.astuple(Point(7)))
print(dataclasses.replace(p, y=9), [f.name for f in dataclasses.fields(Point)])
print(Point.__init__.__qualname__ if hasattr(Point.__init__, "__qualname__") else "", dataclasses.is_dataclass(p))
@dataclass
class Rect:
    width: float
    height: float
    area: float = field(init=False)
    scale: InitVar[float] = 1.0
    def __post_init__(self, scale):
        self.width *= scale
        self.height *= scale
        self.area = self.width * self.height
print(Rect(2, 3), Rect(2, 3, scale=2), [f.name for f in dataclasses.fields(Rect)])
@dataclass
class Point3D(Point):
    z: int = 0
print(Point3D(1, 2, [], "s", 3), Point3D(1).z)
@dataclass(eq=False)
class Identity:
    v: int
print(Identity(1) == Identity(1), Identity(1).__eq__(Identity(1)))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
attempt("missing arg", lambda: Point())
attempt("too many", lambda: Point(1, 2, [], "s", 5))
attempt("unknown kw", lambda: Point(1, z=2))
attempt("replace init=False", lambda: dataclasses.replace(Rect(1, 1), area=5))
def mutable_default():
    @dataclass
    class Bad:
        items: list = []
    return Bad
attempt("mutable default", mutable_default)
def order_problem():
    @dataclass
    class Bad:
        a: int = 1
        b: int
    return Bad
attempt("non-default after default", order_problem)
attempt("asdict non-dataclass", lambda: dataclasses.asdict(5))
@dataclass
class Counter:
    count: int = 0
    def bump(self):
        self.count += 1
        return self
print(Counter().bump().bump(), Counter.__doc__)
print(Point.__match_args__, Point.__dataclass_params__.eq, hash(Point) == hash(Point))
attempt("unhashable", lambda: hash(Point(1)))
