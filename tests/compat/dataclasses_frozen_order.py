# dataclasses with frozen=True (immutability, hashing), order=True (comparisons and
# sorting), unsafe_hash, slots=True, kw_only, and the errors they raise.
import dataclasses
from dataclasses import dataclass, field
@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float = 0.0
c = Coord(1.5)
print(c, hash(c) == hash(Coord(1.5, 0.0)), {c, Coord(1.5)}, {c: "here"}[Coord(1.5)])
for action in (lambda: setattr(c, "lat", 2), lambda: delattr(c, "lon"), lambda: setattr(c, "new", 1)):
    try:
        action()
    except dataclasses.FrozenInstanceError as error:
        print(type(error).__name__, error, isinstance(error, AttributeError))
print(dataclasses.replace(c, lon=9.0), c)
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
versions = [Version(1, 2, "b"), Version(1, 0, "z"), Version(0, 9), Version(1, 2, "a")]
print(sorted(versions))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1, 2, "x") == Version(1, 2, "y"))
try:
    Version(1) < (1, 0)
except TypeError as error:
    print("TypeError:", error)
@dataclass(unsafe_hash=True)
class Tagged:
    name: str
    weight: int = field(default=1, hash=False)
print(hash(Tagged("a", 1)) == hash(Tagged("a", 2)), Tagged("a", 1) == Tagged("a", 2))
@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "b"
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as error:
    print("AttributeError:", error)
@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int
print(Options(level=3), Options(verbose=True, level=1))
try:
    Options(True, 3)
except TypeError as error:
    print("TypeError:", error)
@dataclass(frozen=True, order=True)
class Frozen:
    value: int
    def doubled(self):
        return dataclasses.replace(self, value=self.value * 2)
print(Frozen(2).doubled(), max(Frozen(1), Frozen(5)), Frozen(3) in {Frozen(3)})
try:
    @dataclass(order=True, eq=False)
    class Bad:
        x: int
except ValueError as error:
    print("ValueError:", error)
@dataclass
class NotFrozen:
    x: int
try:
    @dataclass(frozen=True)
    class FrozenChild(NotFrozen):
        y: int = 0
except TypeError as error:
    print("TypeError:", error)
