# Errors when calling: missing, unexpected, multiple values, too many positional,
# non-callables, and builtin/method variants of the same mistakes.
def f(a, b, c=0):
    return a + b + c
class C:
    def method(self, x):
        return x
    @staticmethod
    def static(x):
        return x
    @classmethod
    def klass(cls, x):
        return x
    def __init__(self, value):
        self.value = value
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
attempt("ok", lambda: f(1, 2))
attempt("missing one", lambda: f(1))
attempt("missing two", lambda: f())
attempt("too many", lambda: f(1, 2, 3, 4))
attempt("unexpected", lambda: f(1, 2, d=4))
attempt("multiple", lambda: f(1, 2, a=3))
attempt("lambda missing", lambda: (lambda x, y: x)(1))
attempt("lambda too many", lambda: (lambda: 0)(1))
attempt("no args, given one", lambda: (lambda: None)(None))
obj = C(1)
five, text, none = 5, "text", None
attempt("method missing", lambda: obj.method())
attempt("method too many", lambda: obj.method(1, 2))
attempt("unbound method", lambda: C.method(1))
attempt("static too many", lambda: C.static(1, 2))
attempt("classmethod missing", lambda: C.klass())
attempt("init missing", lambda: C())
attempt("init too many", lambda: C(1, 2))
attempt("init unexpected", lambda: C(1, other=2))
attempt("not callable int", lambda: five())
attempt("not callable obj", lambda: obj())
attempt("not callable str", lambda: text(1))
attempt("none call", lambda: none())
attempt("builtin missing", lambda: len())
attempt("builtin too many", lambda: len([], []))
attempt("builtin kw", lambda: len(obj=[]))
attempt("builtin type", lambda: len(5))
attempt("abs kw", lambda: abs(x=1))
attempt("int kw", lambda: int(x=1))
attempt("sorted pos", lambda: sorted([1], None))
attempt("dict.get", lambda: {}.get())
attempt("str.join", lambda: str.join([]))
def nested():
    def inner(p):
        return p
    return inner
attempt("nested qualname", lambda: nested()())
attempt("nested unexpected", lambda: nested()(q=1))
attempt("max empty", lambda: max([]))
attempt("min args", lambda: min())
attempt("object() arg", lambda: object(1))
attempt("type() args", lambda: type(1, 2))
