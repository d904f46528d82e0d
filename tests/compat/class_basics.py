# Classes: class and instance attributes, methods, bound methods, __dict__, attribute
# lookup order, dynamic attributes, __class__, and errors for missing attributes.
class Counter:
    """Counts things."""
    kind = "counter"
    instances = 0
    def __init__(self, start=0):
        self.value = start
        Counter.instances += 1
    def increment(self, by=1):
        self.value += by
        return self
    def __repr__(self):
        return f"Counter({self.value})"
a = Counter()
b = Counter(10)
a.increment().increment(5)
print(a, b, Counter.instances, a.kind, Counter.__doc__, Counter.__name__, Counter.__module__)
print(sorted(vars(a)), sorted(k for k in Counter.__dict__ if not k.startswith("__")))
a.kind = "instance kind"
print(a.kind, b.kind, Counter.kind)
del a.kind
print(a.kind)
method = b.increment
print(method.__self__ is b, method.__func__ is Counter.increment, method(2), Counter.increment(b, 3))
print(type(method).__name__, type(Counter.increment).__name__, a.__class__ is Counter, type(a).__name__)
Counter.double = lambda self: self.value * 2
print(a.double(), b.double())
b.extra = [1, 2]
print(b.extra, getattr(b, "extra"), getattr(b, "nope", "fallback"), hasattr(b, "value"))
setattr(b, "value", 99)
delattr(b, "extra")
print(b.value, hasattr(b, "extra"))
class Empty:
    pass
e = Empty()
e.x = 1
print(vars(e), Empty.__bases__, Empty.__mro__, Empty.__qualname__, isinstance(e, object))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (AttributeError, TypeError) as error:
        print(label, "->", type(error).__name__, error)
attempt("missing instance attr", lambda: a.missing)
attempt("missing class attr", lambda: Counter.missing)
attempt("method on class without self", lambda: Counter.increment())
attempt("int attribute", lambda: (5).real)
attempt("set on int", lambda: setattr(5, "x", 1))
attempt("set on object()", lambda: setattr(object(), "x", 1))
attempt("delete missing", lambda: delattr(e, "y"))
attempt("module attr", lambda: __import__("math").nope)
class WithClassAttrList:
    shared = []
    def add(self, item):
        self.shared.append(item)
x, y = WithClassAttrList(), WithClassAttrList()
x.add(1); y.add(2)
print(x.shared, y.shared is x.shared)
