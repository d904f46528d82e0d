# Keyword-only (after * or *args) and positional-only (before /) parameters, and the
# exact messages for misuse.
def kw(a, *, b, c=3):
    return a, b, c
def pos(a, b, /, c, d=4):
    return a, b, c, d
def both(x, /, y, *, z):
    return x, y, z
def varargs_kw(*args, flag=False, **rest):
    return args, flag, rest
print(kw(1, b=2), kw(a=1, b=2, c=5), pos(1, 2, 3), pos(1, 2, c=3, d=5), both(1, 2, z=3), both(1, y=2, z=3))
print(varargs_kw(1, 2), varargs_kw(flag=True, x=1), pos.__code__.co_posonlyargcount, kw.__code__.co_kwonlyargcount)
def pos_and_kwargs(a, /, **kwargs):
    return a, kwargs
print(pos_and_kwargs(1, a=2))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("kw missing", lambda: kw(1))
attempt("kw positional", lambda: kw(1, 2))
attempt("kw both missing", lambda: kw())
attempt("kw unexpected", lambda: kw(1, b=2, d=4))
attempt("pos as kw", lambda: pos(1, b=2, c=3))
attempt("pos two as kw", lambda: pos(a=1, b=2, c=3))
attempt("pos missing c", lambda: pos(1, 2))
attempt("pos too many", lambda: pos(1, 2, 3, 4, 5))
attempt("both", lambda: both(1, 2, 3))
attempt("both missing z", lambda: both(1, 2))
attempt("both x kw", lambda: both(x=1, y=2, z=3))
attempt("both y twice", lambda: both(1, 2, y=2, z=3))
def many_kwonly(*, a, b, c, d=0):
    return a
attempt("three missing", lambda: many_kwonly())
attempt("two missing", lambda: many_kwonly(b=1))
attempt("positional to kwonly", lambda: many_kwonly(1, a=1, b=2, c=3))
attempt("kwonly with given", lambda: kw(1, 2, b=3))
def method_holder():
    class K:
        def m(self, a, /, *, b):
            return a, b
    return K()
k = method_holder()
print(k.m(1, b=2))
attempt("method pos kw", lambda: k.m(a=1, b=2))
attempt("method missing", lambda: k.m(1))
attempt("method extra", lambda: k.m(1, 2))
