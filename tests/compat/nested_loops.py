# break and continue in nested loops, loops inside try/with/finally, loop variables after
# the loop, and flags to break out of several levels.
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print("pair", i, j)
print("after", i, j)
found = None
for row, line in enumerate(["abc", "def", "ghi"]):
    for col, ch in enumerate(line):
        if ch == "e":
            found = (row, col)
            break
    if found:
        break
print("found", found, row)
class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
for i in range(3):
    with Manager(f"m{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop with done", i)
def gen_pairs():
    for a in range(3):
        for b in range(3):
            if b > a:
                break
            yield a, b
print(list(gen_pairs()))
result = []
i = 0
while i < 4:
    i += 1
    j = 0
    while True:
        j += 1
        if j > i:
            break
        if j == 2:
            continue
        result.append((i, j))
print(result)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
total = 0
for r in matrix:
    for v in r:
        if v % 2 == 0:
            continue
        total += v
    else:
        total *= 10
print(total)
for outer in range(2):
    try:
        for inner in range(5):
            try:
                if inner == 2:
                    break
            finally:
                print("inner finally", outer, inner)
    finally:
        print("outer finally", outer)
words = ["apple", "bob", "kayak", "level", "python"]
palindromes = []
for w in words:
    for k in range(len(w) // 2):
        if w[k] != w[-1 - k]:
            break
    else:
        palindromes.append(w)
print(palindromes)
