# Augmented assignment: each part of the target (object, index) is evaluated once;
# the in-place method is used when present, else the plain one.
log = []
class Box:
    def __init__(self):
        self._x = 10
    @property
    def x(self):
        log.append("get x")
        return self._x
    @x.setter
    def x(self, value):
        log.append(f"set x={value}")
        self._x = value
class Store(dict):
    def __getitem__(self, key):
        log.append(f"getitem {key!r}")
        return dict.__getitem__(self, key)
    def __setitem__(self, key, value):
        log.append(f"setitem {key!r}={value!r}")
        dict.__setitem__(self, key, value)
box = Box()
def get_box():
    log.append("get_box")
    return box
store = Store(a=1, b=[1])
def get_store():
    log.append("get_store")
    return store
def key(k):
    log.append(f"key {k}")
    return k
get_box().x += 5
print(box._x, log); log.clear()
get_store()[key("a")] *= 7
print(store["a"], log); log.clear()
get_store()[key("b")] += [2]
print(store["b"], log); log.clear()
lst = [1, 2, 3, 4]
lst[1:3] += ["x"]
print(lst)
counts = {}
for word in "a b a c b a".split():
    counts[word] = counts.get(word, 0) + 1
counts["a"] -= 1
print(counts)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0xF; n ^= 0b101
print(n)
s = "ab"
s *= 3
s += "!"
print(s)
class Counter:
    total = 0
    def bump(self):
        self.total += 1
        return self.total
c = Counter()
print(c.bump(), c.bump(), Counter.total, c.total)
matrix = [[0] * 2 for _ in range(2)]
for i in range(2):
    for j in range(2):
        matrix[i][j] += i * 2 + j
print(matrix)
try:
    undefined_list = None
    undefined_list[0] += 1
except TypeError as error:
    print("TypeError:", error)
try:
    store[key("missing")] += 1
except KeyError as error:
    print("KeyError:", error, log); log.clear()
def local_unbound():
    total += 1
    return total
try:
    local_unbound()
except UnboundLocalError as error:
    print("UnboundLocalError:", error)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as error:
    print("TypeError:", error, t)
