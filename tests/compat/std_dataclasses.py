# dataclasses: fields, defaults, default_factory, ordering, frozen, post_init, asdict, replace.
import dataclasses
from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0


@dataclass
class Rect:
    width: float
    height: float
    area: float = field(init=False, repr=False)
    note: Optional[str] = field(default=None, compare=False)

    def __post_init__(self):
        self.area = self.width * self.height


i = Item("pen", 1.5)
i.tags.append("office")
print(i, Item("cup"), i == Item("pen", 1.5, ["office"]))
print(Item("a").tags is not Item("b").tags)
print(sorted([Version(1, 2), Version(0, 9), Version(1)]), Version(1, 2) > Version(1, 1))
v = Version(2)
try:
    v.major = 3
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(Version(1, 2)) == hash(Version(1, 2)))
r = Rect(2, 3, note="x")
print(r, r.area, r == Rect(2, 3))
print(dataclasses.asdict(i), dataclasses.astuple(Version(3, 4)))
print(dataclasses.replace(v, minor=7))
print([f.name for f in dataclasses.fields(Rect)], dataclasses.is_dataclass(r))
print(Item.__annotations__)
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

    def total(self):
        return self.value + sum(c.total() for c in self.children)


tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree.total(), dataclasses.asdict(tree))
Point = dataclasses.make_dataclass("Point", [("x", int), ("y", int, 0)])
print(Point(1), Point(1, 2) == Point(1, 2))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1


print(Options(level=3))
try:
    Options(True)
except TypeError as e:
    print(type(e).__name__, e)
