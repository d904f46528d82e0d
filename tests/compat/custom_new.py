# __new__: customizing instance creation, subclasses of immutable builtins (int, str,
# tuple, float), __new__ returning another type (so __init__ is skipped), singletons,
# __init__ returning a value, and object.__new__ argument errors.
log = []
class Positive(int):
    def __new__(cls, value):
        log.append(f"new {value}")
        return super().__new__(cls, abs(value))
    def __repr__(self):
        return f"Positive({int(self)})"
p = Positive(-5)
print(p, p + 1, type(p + 1).__name__, isinstance(p, int), log)
class Upper(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())
    def shout(self):
        return self + "!"
u = Upper("hi")
print(u, u.shout(), u.lower(), type(u.lower()).__name__, len(u))
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
pr = Pair(1, 2)
print(pr, pr.first, pr + (3,), len(pr), type(pr).__name__)
class Rounded(float):
    def __new__(cls, value, digits=1):
        return super().__new__(cls, round(value, digits))
print(Rounded(3.14159), Rounded(2.71828, 3), Rounded(1) * 2)
class Factory:
    def __new__(cls, kind):
        log.append(f"Factory.__new__ {kind}")
        if kind == "list":
            return [kind]
        return super().__new__(cls)
    def __init__(self, kind):
        log.append(f"Factory.__init__ {kind}")
        self.kind = kind
log.clear()
print(Factory("list"), Factory("obj").kind, log)
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.count = 0
        cls._instance.count += 1
        return cls._instance
print(Singleton() is Singleton(), Singleton().count)
class BadInit:
    def __init__(self):
        return 5
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("init returns value", BadInit)
class NoInit:
    pass
attempt("object() args", lambda: NoInit(1))
class OnlyInit:
    def __init__(self, a):
        self.a = a
print(OnlyInit(1).a, object.__new__(OnlyInit).__class__.__name__)
class OnlyNew:
    def __new__(cls, a):
        instance = super().__new__(cls)
        instance.a = a
        return instance
print(OnlyNew(7).a)
attempt("new wrong arg count", lambda: OnlyNew())
attempt("int subclass bad", lambda: Positive("x"))
attempt("object.__new__ non-type", lambda: object.__new__(5))
attempt("object.__new__(int)", lambda: object.__new__(int))
