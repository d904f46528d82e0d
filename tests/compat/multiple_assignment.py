# Multiple and chained assignment: targets assigned left to right with the same object,
# swaps and rotations, targets that read what earlier targets assigned, mixed target
# kinds, and a failure partway through the targets.
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
p, q, r = "pqr"
p, q, r = r, p, q
print(p, q, r)
items = [0, 1, 2]
i = 0
i, items[i] = 2, "set"
print(i, items)
node = [None, None]
node = node[0] = [1, 2]
print(node, node[0] is node)
first = [10, 20, 30]
idx = 0
idx = first[idx] = 1
print(idx, first)
class Holder:
    pass
h = Holder()
h.a, h.b = h.c = (1, 2)
print(h.a, h.b, h.c)
d = {}
d["x"] = d["y"] = d
print(d["x"] is d, len(d))
[m, n] = o = 1, 2
print(m, n, o)
(s, t), u = v = ("st", "u")
print(s, t, u, v)
total = count = 0
for value in (3, 4, 5):
    total, count = total + value, count + 1
print(total, count, total / count)
fib = [0, 1]
a_, b_ = 0, 1
for _ in range(10):
    a_, b_ = b_, a_ + b_
    fib.append(b_)
print(fib)
log = []
class Recorder:
    def __setitem__(self, key, value):
        log.append((key, value))
        if key == "fail":
            raise KeyError("refused")
rec = Recorder()
try:
    rec["one"] = rec["fail"] = rec["three"] = "v"
except KeyError as error:
    print("KeyError:", error, log)
try:
    good, (bad1, bad2) = 1, (2,)
except ValueError as error:
    print("ValueError:", error, good)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = grid[1][2] = 7
print(grid)
a1 = a2 = 5
a1 += 1
print(a1, a2)
l1 = l2 = [1]
l1 += [2]
print(l1, l2, l1 is l2)
