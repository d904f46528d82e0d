# __slots__: no instance __dict__, assignment limited to the slots, slot descriptors,
# inheritance with and without slots, __dict__/__weakref__ in slots, and errors.
import weakref
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), type(Point.__dict__["x"]).__name__, Point.__slots__)
p.x = 10
del p.y
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (AttributeError, TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
attempt("deleted slot", lambda: p.y)
attempt("new attribute", lambda: setattr(p, "z", 3))
attempt("vars", lambda: vars(p))
attempt("weakref", lambda: weakref.ref(p))
class Child(Point):
    pass
c = Child(1, 2)
c.z = 3
print(c.z, sorted(vars(c)), c.x)
class SlottedChild(Point):
    __slots__ = ("z",)
sc = SlottedChild(1, 2)
sc.z = 5
print(sc.x, sc.z, hasattr(sc, "__dict__"))
attempt("slotted child new attr", lambda: setattr(sc, "w", 1))
class WithDict:
    __slots__ = ("a", "__dict__", "__weakref__")
wd = WithDict()
wd.a = 1
wd.b = 2
print(wd.a, vars(wd), weakref.ref(wd)() is wd)
class SingleString:
    __slots__ = "only"
s = SingleString()
s.only = "one"
print(s.only, SingleString.__slots__)
class Defaults:
    __slots__ = ("value",)
    kind = "class attribute"
d = Defaults()
attempt("unset slot", lambda: d.value)
print(d.kind)
attempt("set class attr on instance", lambda: setattr(d, "kind", "x"))
try:
    class Conflict:
        __slots__ = ("x",)
        x = 5
except ValueError as error:
    print("ValueError:", error)
try:
    class BadSlot:
        __slots__ = (1,)
except TypeError as error:
    print("TypeError:", error)
class Private:
    __slots__ = ("__secret",)
    def __init__(self):
        self.__secret = "hidden"
    def reveal(self):
        return self.__secret
print(Private().reveal(), Private.__slots__, sorted(k for k in Private.__dict__ if "secret" in k))
