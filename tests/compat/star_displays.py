# * and ** in calls and in list/tuple/set/dict displays, with CPython's error messages.
def f(*args, **kwargs):
    return args, dict(sorted(kwargs.items()))
xs = [1, 2]
ys = (3,)
print(f(*xs), f(*xs, *ys), f(0, *xs, 9, *ys), f(*"ab", *range(2)))
print(f(**{"a": 1}), f(x=0, **{"a": 1}, b=2), f(*xs, **{"k": "v"}, **{"j": None}))
print([*xs, *ys], (*xs,), (*xs, *ys, 4), [*range(3), *"hi"], [*()])
print(sorted({*xs, *ys, 1}), {**{"a": 1}, "b": 2, **{"a": 3}}, {**{}}, {"z": 0, **dict(y=1)})
print(*xs, *ys, sep="-")
print(*[], "end")
def gen():
    yield "g1"
    yield "g2"
print([*gen(), *gen()], f(*gen()), {*gen()} == {"g1", "g2"})
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, KeyError) as error:
        print(label, "->", type(error).__name__, error)
attempt("call *int", lambda: f(*5))
attempt("call **list", lambda: f(**[1]))
attempt("call dup kw", lambda: f(a=1, **{"a": 2}))
attempt("call dup **", lambda: f(**{"a": 1}, **{"a": 2}))
attempt("call non-str key", lambda: f(**{1: 2}))
attempt("list *None", lambda: [*None])
attempt("tuple *int", lambda: (*1,))
attempt("set *int", lambda: {*1})
attempt("dict **list", lambda: {**[1]})
attempt("dict **int", lambda: {**1})
attempt("print *int", lambda: print(*3))
attempt("len **", lambda: len(**{"x": 1}))
def g(a, b, c=3):
    return a, b, c
print(g(*[1, 2]), g(1, *[2, 3]), g(*[1], **{"c": 9, "b": 8}))
attempt("g too many", lambda: g(*[1, 2, 3, 4]))
attempt("g multiple", lambda: g(1, *[2], **{"a": 5}))
class M:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k.upper()
print(f(**M()), {**M()}, dict(**M()))
first, *others = [*xs, *ys]
print(first, others)
