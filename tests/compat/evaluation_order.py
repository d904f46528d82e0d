# Evaluation order: call arguments, subscripts, attribute targets, dict displays,
# assignment (value before targets, targets left to right), binary operands.
log = []
def v(label, value=None):
    log.append(label)
    return value if value is not None else label
def show(label):
    print(label, log)
    log.clear()
def f(*args, **kwargs):
    log.append("call")
    return args, kwargs
v("fn", f)(v("a"), v("b"), k=v("c"), **v("d", {"e": 1}))
show("call")
v("x", [1, 2, 3])[v("i", 1)]
show("subscript")
v("left", 1) + v("right", 2) * v("third", 3)
show("binary")
{v("k1"): v("v1"), v("k2"): v("v2"), **v("m", {})}
show("dict")
[v("e1"), *v("s", [1]), v("e2")]
show("list")
class Obj:
    pass
o = Obj()
def obj(label):
    log.append(label)
    return o
store = {}
def target(label):
    log.append(label)
    return store
obj("o1").a, target("t")[v("key")] = v("value", (1, 2))
show("tuple target")
obj("o1").x = obj("o2").y = v("rhs", 5)
show("chained targets")
target("t")[v("k")] = v("val")
show("subscript assign")
print(o.a, o.x, o.y, store)
def g(a, b):
    return a - b
print(g(v("first", 10), v("second", 3)))
show("args")
v("obj", "abc").upper(*v("args", []))
show("method")
try:
    v("f", f)(v("a"), 1 // 0, v("never"))
except ZeroDivisionError:
    show("error midway")
items = [0, 0, 0]
i = 0
i, items[i] = 1, 9
print(i, items)
a = b = c = []
print(a is b is c)
x = [1, 2]
x[0], x[1] = x[1], x[0]
print(x)
lam = v("lambda", lambda *a: a)
print(lam(v(1), v(2)))
show("lambda call")
print(v("c1") if v("t", True) else v("c2"))
show("ifexp")
print(f"{v('fa')} {v('fb')}")
show("fstring")
