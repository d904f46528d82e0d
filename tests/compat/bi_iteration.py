# zip, enumerate, map, filter, reversed, range, iter/next and their errors.
print(list(zip("abc", [1, 2, 3, 4], (True, False, None))), list(zip()))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(enumerate("xyz")), list(enumerate(["a", "b"], start=10)))
print(list(map(str.upper, "ab")), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(int, ["7", " 8 "])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda n: n % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(2, 9, 3))), list(reversed({"a": 1, "b": 2})))
r = range(10, 0, -3)
print(list(r), r[1], r[-1], len(r), 4 in r, 7 in r, r.index(4), r.count(7), range(5)[1:3], range(0))
print(range(3) == range(0, 3, 1), list(range(-2)), list(range(0, 10, 4)), range(1, 10, 2)[::-1])
for bad in (lambda: range(1, 2, 0), lambda: range(1.5), lambda: reversed(5), lambda: enumerate(3),
            lambda: list(map(None)), lambda: range(3)[5], lambda: range(3).index(9)):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
z = zip([1, 2], "ab")
print(next(z), list(z), list(z))
e = enumerate("ab")
print(iter(e) is e, next(e))
m = map(len, ["aa", "b"])
print(type(m).__name__, list(m), list(m))
print(list(zip(*[(1, "a"), (2, "b")])), dict(enumerate("hi")))
print(list(reversed(list(enumerate("abc")))), sorted(zip("ba", "xy")))
print(all([]), any([]), all(x > 0 for x in [1, 2]), any(x > 1 for x in [0, 1]))
print(len(range(10**20)) if False else range(10**20)[-1], list(range(5))[::2])
