# List, set and dict comprehensions with conditions.
nums = list(range(-5, 8))
print([n * n for n in nums])
print([n for n in nums if n > 0 if n % 2 == 0])
print([n if n >= 0 else -n for n in nums])
print(sorted({n % 4 for n in nums}))
print(sorted({abs(n) for n in nums if n}))
print({n: n ** 2 for n in range(5)})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
words = ["apple", "bob", "kayak", "Level", "python"]
print([w.upper() for w in words if w.lower() == w.lower()[::-1]])
print({w[0]: len(w) for w in words})
print([(i, c) for i, c in enumerate("abc")])
print([[row * col for col in range(1, 4)] for row in range(1, 4)])
print([x for x in "hello world" if x not in "aeiou "])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([f"{k}={v}" for k, v in sorted({"z": 1, "y": 2}.items())])
print([len(s) for s in ("", "a", "ab")])
print([])
print([x for x in []], {x for x in ()}, {x: x for x in ""})
print([*[1, 2], *(x for x in range(3, 5))])
print([x for x in range(3)] + [y for y in range(3, 0, -1)])
data = {"b": 2, "a": 1, "c": 3}
inverted = {v: k for k, v in data.items()}
print(sorted(inverted.items()))
print([i for i in range(10)][2:8:3])
try:
    [1 / x for x in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    {[x]: x for x in range(2)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {x: y for x, y in [(1, 2), (3,)]}
except ValueError as e:
    print(type(e).__name__, e)
