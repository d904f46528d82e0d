# *args and **kwargs: collection, forwarding, mixing with defaults, ordering of kwargs,
# and what the function receives (a tuple and a fresh dict).
def collect(*args, **kwargs):
    return type(args).__name__, args, type(kwargs).__name__, kwargs
print(collect(), collect(1, 2), collect(a=1), collect(1, b=2, a=3))
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward(1, x=2), forward(*range(3), **{"y": 1}))
def mixed(a, b=2, *rest, c, d=4, **options):
    return a, b, rest, c, d, options
print(mixed(1, c=3), mixed(1, 2, 3, 4, c=5, e=6), mixed(c=1, a=0, z=9))
shared = {"k": 1}
def mutate(**kw):
    kw["k"] = 2
    return kw
print(mutate(**shared), shared)
def count_args(*args):
    return len(args)
print(count_args(*[1] * 5), count_args(*"abc", *b"de"), count_args(*{1: 2, 3: 4}))
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3), kw_order(**{"b": 1}, a=2))
def wrapper(func):
    def inner(*args, **kwargs):
        print("calling", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    return inner
@wrapper
def add(x, y=0):
    return x + y
print(add(1, y=2), add(3))
def first_and_rest(first, *rest):
    return first, rest
print(first_and_rest(1), first_and_rest(*[1, 2, 3]))
def kwargs_named(**kwargs):
    return sorted(kwargs.items())
print(kwargs_named(**{"self": 1, "kwargs": 2, "for": 3}))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("missing c", lambda: mixed(1))
attempt("first none", lambda: first_and_rest())
attempt("dup via **", lambda: mixed(1, c=1, **{"c": 2}))
attempt("a twice", lambda: mixed(1, a=2, c=3))
attempt("forward error", lambda: forward(1, 2, 3, **{"x": 1, "x2": 2}))
def only_kwargs(**kw):
    return kw
attempt("positional to **", lambda: only_kwargs(1))
def only_args(*a):
    return a
attempt("keyword to *", lambda: only_args(x=1))
