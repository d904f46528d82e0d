# Nested comprehensions: several for clauses, comprehensions inside comprehensions.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([x for row in matrix for x in row])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix if sum(row) > 6 for x in row if x % 2])
print([(a, b, c) for a in range(1, 12) for b in range(a, 12) for c in range(b, 12) if a * a + b * b == c * c])
print({i: [j for j in range(i)] for i in range(4)})
print({i: {j: i * j for j in range(3)} for i in range(2)})
print(sorted({frozenset(p) for p in [(1, 2), (2, 1), (3, 3)]}, key=sorted))
flat = [c for word in ["ab", "cd"] for c in word for _ in range(2)]
print(flat)
print([[c for c in w] for w in "one two".split()])
print([sum(y for y in range(x)) for x in range(6)])
print([(x, y) for x in range(3) for y in range(x, 3)])
print(list(map(lambda r: [v * 10 for v in r], matrix)))
deep = [[[k for k in range(j)] for j in range(i)] for i in range(4)]
print(deep)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
aliased = [[0] * 3] * 2
aliased[0][0] = 1
print(aliased)
print([x for x in [y for y in range(10) if y % 3] if x > 4])
print({k: sorted(v) for k, v in {"b": {3, 1}, "a": {2}}.items()})
