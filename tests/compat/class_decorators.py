# Class decorators: modifying and replacing classes, stacking, decorators with arguments,
# and the class seen by methods after decoration.
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def tag(label):
    def decorator(cls):
        cls.tags = getattr(cls, "tags", ()) + (label,)
        return cls
    return decorator
@add_repr
@tag("first")
@tag("second")
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, 2), Point.tags)
instances = {}
def singleton(cls):
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    get.wrapped = cls
    return get
@singleton
class Config:
    def __init__(self, name):
        self.name = name
a = Config("one")
b = Config("two")
print(a is b, a.name, type(Config).__name__, Config.wrapped.__name__)
def frozen(cls):
    def __setattr__(self, name, value):
        if hasattr(self, "_ready"):
            raise AttributeError(f"{cls.__name__} is frozen; cannot set {name}")
        object.__setattr__(self, name, value)
    original_init = cls.__init__
    def __init__(self, *args):
        original_init(self, *args)
        object.__setattr__(self, "_ready", True)
    cls.__setattr__ = __setattr__
    cls.__init__ = __init__
    return cls
@frozen
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def total(self):
        return self.a + self.b
p = Pair(3, 4)
print(p.total())
try:
    p.a = 10
except AttributeError as error:
    print("AttributeError:", error)
class Base:
    def who(self):
        return "base"
def subclassing(cls):
    class Wrapped(cls):
        def who(self):
            return "wrapped " + super().who()
    Wrapped.__name__ = cls.__name__
    return Wrapped
@subclassing
class Thing(Base):
    def who(self):
        return "thing/" + super().who()
print(Thing().who(), Thing.__name__, Thing.__qualname__, [k.__name__ for k in Thing.__mro__])
import functools
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print(Version(1) <= Version(2), Version(3) >= Version(2), Version(1) > Version(1))
def broken(cls):
    return None
@broken
class Gone:
    pass
print(Gone)
