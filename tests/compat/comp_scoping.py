# Comprehension scoping: loop variables do not leak, the first iterable is evaluated outside.
x = "outer x"
result = [x for x in range(3)]
print(result, x)

y = 10
squares = {y: y * y for y in range(3)}
print(squares, y)

z = "z stays"
s = {z for z in "abc"}
print(sorted(s), z)

g = (w for w in range(2))
try:
    print(w)
except NameError as e:
    print(type(e).__name__, e)
print(list(g))


def f():
    i = "function i"
    values = [i for i in range(4)]
    return values, i


print(f())

n = 3
print([n * k for k in range(n)])

items = [[1, 2], [3]]
print([items for items in items for items in items])
print(items)

print([(lambda: q)() for q in range(3)])


def uses_global():
    return [x for _ in range(2)]


print(uses_global())

total = 0
for v in [sum(j for j in range(i)) for i in range(5)]:
    total += v
print(total)

print([last := k for k in range(4)], last)


def walrus_in_function():
    values = [seen := v * 2 for v in range(3) if v]
    return values, seen


print(walrus_in_function())
filtered = [y2 for v in [1, 2, 3, 4] if (y2 := v * v) > 4]
print(filtered, y2)
a = 5
print([a for a in range(a)])
print(a)
