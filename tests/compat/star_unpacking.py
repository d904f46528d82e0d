# Unpacking into targets: plain, starred, nested, in for loops, and the error messages.
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = range(5)
*init, last = "hello"
head, *middle, tail = [1, 2]
print(first, rest, init, last, head, middle, tail)
(x, y), z = (1, 2), 3
[p, [q, *r]], s = ["P", "QRS"], "s"
print(x, y, z, p, q, r, s)
for index, (key, *values) in enumerate([("a", 1, 2), ("b",), ("c", 3)]):
    print(index, key, values)
[*everything] = {"k": 1, "j": 2}
print(everything)
*_, final = iter(range(10))
print(final)
d = {}
d["x"], d["y"] = "xy"
print(d)
class O:
    pass
o = O()
o.a, (o.b, *o.c) = 1, (2, 3, 4)
print(o.a, o.b, o.c)
items = [0] * 4
items[0], *items[1:3] = "abc"
print(items)
def gen():
    yield from (10, 20, 30)
m, *n = gen()
print(m, n)
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, TypeError) as error:
        print(label, "->", type(error).__name__, error)
def two(v):
    a, b = v
    return a, b
def star(v):
    a, *b, c, d = v
    return a, b, c, d
attempt("too many", lambda: two([1, 2, 3]))
attempt("too few", lambda: two([1]))
attempt("too many iter", lambda: two(iter([1, 2, 3])))
attempt("too few str", lambda: two("a"))
attempt("non-iterable", lambda: two(5))
attempt("none", lambda: two(None))
attempt("star short", lambda: star([1, 2]))
attempt("star ok", lambda: star([1, 2, 3]))
attempt("star non-iterable", lambda: star(3.5))
attempt("dict", lambda: two({"a": 1, "b": 2}))
attempt("nested bad", lambda: [(u, w) for (u, w), t in [((1, 2, 3), 4)]])
def raising():
    yield 1
    raise RuntimeError("generator failed")
try:
    a, b = raising()
except RuntimeError as error:
    print("RuntimeError", error)
