# match: class patterns, __match_args__, keywords, self-matching builtins.
import collections
import dataclasses


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


@dataclasses.dataclass
class Item:
    name: str
    price: float = 0.0


Pair = collections.namedtuple("Pair", "left right")


class Plain:
    def __init__(self):
        self.a = 1


def where(value):
    match value:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point3(x, y, z=z) if z > 0:
            return f"above: {x} {y} {z}"
        case Point(x, y):
            return f"point {x} {y}"
        case Item("free") | Item(price=0.0):
            return "free item"
        case Item(name, price=price):
            return f"item {name} costs {price}"
        case Pair(left, right=Pair() as inner):
            return f"pair {left} with inner {tuple(inner)}"
        case Pair(l, r):
            return f"pair {l} {r}"
        case Plain(a=1, b=_):
            return "plain with b"
        case Plain(a=a):
            return f"plain a={a}"
        case _:
            return "unknown"


print(Item.__match_args__, Pair.__match_args__)
for value in [Point(0, 0), Point3(0, 0, 0), Point(0, 7), Point3(1, 2, 3), Point3(1, 2, -3), Point(4, 5),
              Item("free", 3.0), Item("gift"), Item("book", 9.5), Pair(1, Pair(2, 3)), Pair(1, 2),
              Plain(), "nothing"]:
    print(type(value).__name__, "->", where(value))


def builtin(value):
    match value:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case list([first, *_]):
            return f"list starting {first}"
        case list(l):
            return f"empty list {l}"
        case tuple(t):
            return f"tuple {t}"
        case dict({"k": v}):
            return f"dict with k {v}"
        case dict(d):
            return f"dict {d}"
        case frozenset(f):
            return f"frozenset {sorted(f)}"
        case set(s):
            return f"set {sorted(s)}"
        case _:
            return "other"


for value in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), [1, 2], [], (1,), {"k": 0}, {}, frozenset({2, 1}),
              {3, 1}, None]:
    print(repr(value), "->", builtin(value))


# A subclass of a self-matching builtin keeps matching itself, unless it sets __match_args__.
class MyInt(int):
    pass


class Named(int):
    __match_args__ = ("real",)


match MyInt(5):
    case int(value):
        print("MyInt matches itself", value, type(value).__name__)
match Named(6):
    case Named(real):
        print("Named uses __match_args__", real, type(real).__name__)


# Attributes are looked up with getattr (properties run), missing ones do not match.
class Lazy:
    __match_args__ = ("computed",)

    @property
    def computed(self):
        print("  computing")
        return 42


match Lazy():
    case Lazy(missing=_):
        print("unexpected")
    case Lazy(41):
        print("unexpected")
    case Lazy(value):
        print("computed", value)

# isinstance() is used, so ABCs and virtual subclasses match.
import collections.abc
match [1, 2]:
    case collections.abc.Sequence():
        print("a list is a Sequence")
match 5:
    case object():
        print("everything is an object")
