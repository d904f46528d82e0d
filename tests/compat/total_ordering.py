# functools.total_ordering: the missing comparisons derived from __lt__/__le__/__gt__/
# __ge__ plus __eq__, NotImplemented handling for foreign types, sorting and min/max,
# and the error when no ordering method is defined.
import functools
@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
a, b, c = Version("1.2"), Version("1.10"), Version("1.2")
print(a < b, a <= b, a > b, a >= b, a == c, a != c, a <= c, a >= c, b > a)
print(sorted([Version("2.0"), b, a, Version("0.9")]), min(a, b), max(a, b, Version("1.9")))
print(Version.__le__.__name__, Version.__gt__.__name__, Version.__ge__.__name__)
@functools.total_ordering
class Score:
    def __init__(self, value):
        self.value = value
    def __eq__(self, other):
        return self.value == other.value
    def __ge__(self, other):
        return self.value >= other.value
print(Score(3) > Score(2), Score(2) < Score(3), Score(2) <= Score(2), Score(1) >= Score(2))
for op, thunk in (("<", lambda: a < 1), ("<=", lambda: a <= "x"), (">", lambda: a > None), (">=", lambda: 1.5 >= a)):
    try:
        print(op, thunk())
    except TypeError as error:
        print(op, "TypeError:", error)
print(a == 1, a != "1.2")
try:
    @functools.total_ordering
    class Nothing:
        pass
except ValueError as error:
    print("ValueError:", error)
class Raw:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
print(Raw(1) < Raw(2), Raw(3) > Raw(2))
try:
    Raw(1) <= Raw(2)
except TypeError as error:
    print("TypeError:", error)
