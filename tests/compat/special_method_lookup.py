# Special methods are looked up on the type, not the instance: instance attributes
# named __len__/__add__/__call__ are ignored by the operators and builtins, class
# changes take effect at once, and __getattr__ is not consulted for dunders.
class Box:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
b = Box([1, 2, 3])
b.__len__ = lambda: 100
print(len(b), b.__len__())
b.__add__ = lambda other: "instance add"
try:
    b + 1
except TypeError as error:
    print("TypeError:", error)
Box.__add__ = lambda self, other: f"class add {other}"
print(b + 1, b.__add__(2))
Box.__len__ = lambda self: 7
print(len(b))
del Box.__len__
try:
    len(b)
except TypeError as error:
    print("TypeError:", error)
class Dynamic:
    def __getattr__(self, name):
        return lambda *args: f"getattr {name}"
d = Dynamic()
print(d.anything(), d.__len__())
for action in (lambda: len(d), lambda: d + 1, lambda: iter(d), lambda: d()):
    try:
        print(action())
    except TypeError as error:
        print("TypeError:", error)
class Meta(type):
    def __len__(cls):
        return 42
    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"
class WithMeta(metaclass=Meta):
    def __len__(self):
        return 1
print(len(WithMeta), len(WithMeta()), WithMeta["k"])
class Callable:
    pass
c = Callable()
c.__call__ = lambda: "instance call"
print(callable(c))
Callable.__call__ = lambda self: "class call"
print(c(), callable(c))
class BoolFromLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
x = BoolFromLen(0)
x.__bool__ = lambda: True
print(bool(x), bool(BoolFromLen(2)), "yes" if BoolFromLen(0) else "no")
class Repr:
    pass
r = Repr()
r.__repr__ = lambda: "instance repr"
print(repr(r).startswith("<__main__.Repr object"), r.__repr__())
