# enum: Enum, IntEnum, Flag, auto, lookup by value/name, iteration, unique, members with methods.
import enum
from enum import Enum, IntEnum, Flag, auto


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    @classmethod
    def default(cls):
        return cls.GREEN


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


print(Color.RED, repr(Color.RED), Color(2), Color["BLUE"], Color.RED.describe())
print(list(Color), len(Color), Color.default())
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color))
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]))
print(int(Priority.HIGH), Priority(2).name, f"{Priority.LOW}")
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm(0)))
try:
    Color(7)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PURPLE"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    @enum.unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)


class Alias(Enum):
    ONE = 1
    UNO = 1


print(Alias.UNO is Alias.ONE, list(Alias), list(Alias.__members__))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)


print([(p.name, p.gravity) for p in Planet])
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)


class Status(str, Enum):
    OK = "ok"
    FAIL = "fail"


print(Status.OK == "ok", Status("fail").name, Status.OK.value.upper())
try:
    Color.RED = 5
except AttributeError as e:
    print(type(e).__name__, e)
print({c: c.value for c in Color}[Color.BLUE])
