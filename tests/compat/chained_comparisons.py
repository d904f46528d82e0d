# Comparisons and chained comparisons: each operand is evaluated once, left to right,
# and evaluation stops at the first false link.
log = []
def v(label, value):
    log.append(label)
    return value

def check(label, thunk):
    log.clear()
    try:
        result = thunk()
    except TypeError as error:
        result = f"{type(error).__name__}: {error}"
    print(label, result, log)

check("1<2<3", lambda: v("a", 1) < v("b", 2) < v("c", 3))
check("1<3<2", lambda: v("a", 1) < v("b", 3) < v("c", 2))
check("3<2<x", lambda: v("a", 3) < v("b", 2) < v("c", 1))
check("eq chain", lambda: v("a", 1) == v("b", 1.0) == v("c", True))
check("mixed", lambda: v("a", 1) < v("b", 5) > v("c", 2) != v("d", 3))
check("in chain", lambda: v("a", 1) in v("b", [1, 2]) in v("c", [[1, 2]]))
check("is chain", lambda: v("a", None) is v("b", None) is not v("c", 0))
check("error", lambda: v("a", 1) < v("b", "x") < v("c", 2))
check("error later", lambda: v("a", 1) < v("b", 2) < v("c", "z"))

class Loud:
    def __init__(self, name, value):
        self.name = name
        self.value = value
    def __lt__(self, other):
        log.append(f"{self.name}<{other.name}")
        return Val(self.value < other.value)
    def __eq__(self, other):
        log.append(f"{self.name}=={other.name}")
        return self.value == other.value

class Val:
    def __init__(self, truth):
        self.truth = truth
    def __bool__(self):
        log.append(f"bool:{self.truth}")
        return self.truth
    def __repr__(self):
        return f"Val({self.truth})"

x, y, z = Loud("x", 1), Loud("y", 2), Loud("z", 0)
check("objects", lambda: x < y < z)
check("objects last", lambda: x < y)
check("objects ok", lambda: z < x < y)
print([a < b for a, b in [(1, 2), (2, 1), ("a", "b"), ((1, 2), (1, 3)), ([1], [1, 0])]])
print(1 < 2 == 2 > 1, (1 < 2) == (2 > 1), 1 == 1.0 == 1 + 0j, "a" < "b" < "ab" < "b")
print(None == None, None != 0, [] == [], [] is [], (1, 2) < (1, 2, 0), {1: 2} == {1: 2})
for i in range(5):
    print(i, 1 <= i < 3, not 1 <= i < 3, 0 < i <= 2 < 3)
