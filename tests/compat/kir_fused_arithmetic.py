# Arithmetic expressions computed on C numbers when their operands are exact floats
# and small ints, and every case where that must not happen (CPython's answer either way).
import math
import sys


def poly(x, y, z):
    return x * x + y * y - z * z / 2


def tri(i, j):
    return (i + j) * (i + j + 1) // 2 + i % 7 - j


def ratio(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def accumulate(n):
    total = 0
    step = 0.5
    for k in range(n):
        total += k * k - k // 3 + k % 5
        step = step * 1.0001 + 0.25 / (k + 1)
    return total, step


print(poly(1.5, 2.0, 3.0), poly(1, 2, 3), poly(3, 0.5, 2))
print(tri(3, 4), tri(-7, 2), ratio(3, 4), ratio(0, 0))
print(accumulate(1000))

# Past 64 bits, and big ints from the start: exact ints, as CPython.
big = 2**62
print(big * 4 + 1 - big, (big + big) * (big + big) // 3, 2**100 * 3 - 2**100)
print(-(2**63) // -1 + 0, (-(2**63)) % -1 + 0, 3 * 2**40 * 2**40 + 1)
# True division of ints beyond 2**53 is still correctly rounded.
print((2**60 + 1) / 3 + 0.0, (10**17 + 1) / (10**17 - 1) * 1.0, 7 / 2 + 1)
# Division and modulo by zero raise where CPython does, at the right place.
for a, b in ((1, 0), (1.0, 0.0), (1, 0.0), (-0.0, -0.0)):
    for name, function in (("true", lambda a, b: a / b + 1), ("floor", lambda a, b: a // b + 1),
                           ("mod", lambda a, b: a % b * 2)):
        try:
            print(name, function(a, b))
        except ZeroDivisionError as error:
            print(name, type(a).__name__, type(b).__name__, "ZeroDivisionError:", error)
# Floats: floor division and modulo keep Python's semantics, and special values.
print(7.5 // 2 + 0, -7.5 % 2 * 1, 7 // 2.5 - 1, -7 % 2.5 + 0)
nan, inf = float("nan"), float("inf")
print(nan * 2 + 1, inf - inf * 1, inf * 0 + 1, 1e308 * 10 + 1, -0.0 * 1 + 0.0, math.copysign(1, -0.0 * 1 - 0.0))
# bool is an int subclass: its arithmetic is int's.
print(True + True * 3, False - True // 1, True / 2 + 0)


# Subclasses and overrides take the object path.
class Meters(float):
    def __add__(self, other):
        return Meters(float(self) + float(other) + 1000)

    def __mul__(self, other):
        return Meters(float(self) * float(other))


class Count(int):
    def __sub__(self, other):
        return "Count.__sub__"


class Vector:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return Vector(self.x + (other.x if isinstance(other, Vector) else other))

    def __mul__(self, k):
        return Vector(self.x * k)

    def __rmul__(self, k):
        return Vector(k * self.x)

    def __repr__(self):
        return f"Vector({self.x})"


print(Meters(1.5) * 2 + 3, Count(5) - 1, Count(5) * 2 - 1)
print(Vector(2) * 3 + Vector(1) * 2, 2 * Vector(1) + 5)
print("ab" * 2 + "c", [1] * 2 + [3], (1, 2) + (3,) * 2)

# In-place operators inside an expression keep their object semantics.
items = [1]
alias = items
items += [2] * 2
print(items is alias, alias)
counter = 5
counter -= 2 * 3 + 1
print(counter)

# Errors inside the expression are reported at the failing operation.
def failing(a, b, c):
    return a * b + c


for args in ((1, 2, "x"), ("x", "y", 1), (None, 2, 3)):
    try:
        failing(*args)
    except TypeError as error:
        print("TypeError:", error)

# A leaf that changes type between calls.
def twice(v):
    return v * 2 + v


for v in (3, 2.5, "s", [0], 2**70, True):
    print(twice(v))



# Conditions on fused expressions: a truth value, compared as CPython compares.
def inside(x, y):
    if x * x + y * y < 4.0:
        return "in"
    return "out"


def escapes(cx, cy, limit):
    x = y = 0.0
    for step in range(limit):
        x, y = x * x - y * y + cx, 2 * x * y + cy
        if x * x + y * y > 4:
            return step
    return limit


print(inside(1, 1), inside(1.5, 1.5), inside(2, 0), escapes(0.3, 0.5, 100), escapes(-2, 0, 50))
big = 2**53
# An int past 2**53 against a float: exact, as CPython (a double comparison is not).
print(big + 1 > 2.0**53 * 1, big + 1 == 2.0**53 + 0, big * 4 + 1 != 2.0**55 * 1, -(big + 1) < -(2.0**53) - 0)
nan = float("nan")
print(nan * 1 == nan * 1, nan + 0 != nan, nan * 2 < 1, 0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 3 * 2 >= 6.0)


class Loud(int):
    def __lt__(self, other):
        print("Loud.__lt__", other)
        return True


print(Loud(5) < 2 * 1, Loud(5) + 0 < 2 * 1)
if 1 + "a" if False else 2 * 3 == 6:
    print("ok")
try:
    if 2 * 3 < "x" + "y":
        pass
except TypeError as error:
    print("TypeError:", error)


# An inner operation failing after earlier iterations succeeded (the result of the last
# success must not be taken for this one's).
def scaled(values):
    out = []
    for v in values:
        try:
            out.append(10 / v + 1)
        except ZeroDivisionError as error:
            out.append(str(error))
        try:
            if 10 / v > 1:
                out.append("big")
        except ZeroDivisionError:
            out.append("no condition")
    return out


print(scaled([1, 2.5, 0, 4, 0.0, 20]))
print([v for v in (5, 2) if 10 / v > 1])
try:
    print([v for v in (5, 2, 0) if 10 / v > 1])
except ZeroDivisionError as error:
    print("comprehension:", error)

# Last: an uncaught error inside a fused expression, with its traceback.
print(failing(1.5, 2.0, None))
