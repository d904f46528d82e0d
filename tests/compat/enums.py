# enum: Enum, IntEnum, Flag, auto(), iteration order, lookup by value and name,
# aliases, members' name/value, methods on enums, unique, and errors.
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name.lower()}={self.value}"
    @classmethod
    def default(cls):
        return cls.GREEN
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, len(Color))
print(list(Color), [m.describe() for m in Color], Color.default(), list(Color.__members__))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, isinstance(Color.RED, Color), hash(Color.RED) == hash(Color.RED))
print(type(Color.RED).__name__, Color.RED.name, Color.RED.value, f"{Color.BLUE}", f"{Color.BLUE!r}")
class Priority(enum.IntEnum):
    LOW = enum.auto()
    HIGH = enum.auto()
print(Priority.LOW, Priority.HIGH + 1, Priority.LOW < Priority.HIGH, sorted([Priority.HIGH, Priority.LOW]), int(Priority.HIGH))
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw & Perm.W, bool(Perm.R & Perm.X), Perm(7), [p.name for p in Perm])
class Status(str, enum.Enum):
    OK = "ok"
    FAIL = "fail"
print(Status.OK, Status("fail"), Status.OK == "ok", Status.OK.upper(), f"{Status.FAIL}")
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.674e-11 * self.mass / self.radius ** 2, 2)
print(Planet.EARTH.gravity, Planet.MARS.mass, Planet((6.42e23, 3.39e6)).name)
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        print(label, "->", type(error).__name__, error)
attempt("bad value", lambda: Color(9))
attempt("bad name", lambda: Color["PURPLE"])
attempt("reassign", lambda: setattr(Color, "RED", 5))
attempt("member attr", lambda: setattr(Color.RED, "value", 5))
def duplicate():
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
attempt("unique", duplicate)
def extend():
    class More(Color):
        PINK = 4
attempt("extend", extend)
attempt("compare", lambda: Color.RED < Color.BLUE)
Shape = enum.Enum("Shape", "CIRCLE SQUARE")
print(list(Shape), Shape.SQUARE.value)
