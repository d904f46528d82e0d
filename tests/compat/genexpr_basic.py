# Generator expressions: laziness, as call arguments, nesting, early binding of the first iterable.
squares = (x * x for x in range(6))
print(type(squares).__name__, squares.__name__)
print(next(squares), next(squares))
print(list(squares))
print(list(squares))

print(sum(x for x in range(10) if x % 2))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(",".join(str(n) for n in range(4)))
print(sorted((c for c in "banana"), reverse=True))
print(any(n > 3 for n in [1, 2, 5]), all(n > 0 for n in [1, -1]))
print(dict((k, len(k)) for k in ["xy", "z"]))
print(tuple(a + b for a in "ab" for b in "12"))
print(list((i, j) for i in range(3) for j in range(i)))
print(list(x for x in range(20) if x % 2 if x % 3))

log = []


def source():
    for i in range(3):
        log.append(f"produce {i}")
        yield i


gen = (v * 10 for v in source())
log.append("created")
for value in gen:
    log.append(f"consume {value}")
print(log)

items = [1, 2, 3]
early = (x for x in items)
items = [9, 9]
print(list(early))

nested = ((x, (y for y in range(x))) for x in range(3))
print([(x, list(ys)) for x, ys in nested])

matrix = [[1, 2], [3, 4], [5, 6]]
print(list(sum(row) for row in matrix))
print(list(x for row in matrix for x in row if x != 4))

try:
    (1 / x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)

bad = (1 // x for x in [1, 0])
print(next(bad))
try:
    next(bad)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(bad, "finished after error"))
