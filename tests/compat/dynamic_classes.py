# Classes changed at run time: methods added to classes (compiled functions become
# methods), types.MethodType, __class__ assignment, type() with compiled functions,
# SimpleNamespace, class __dict__ as a mappingproxy, and deleting methods.
import types
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
class Dog(Animal):
    def speak(self):
        return f"{self.name} barks"
def wag(self, times=1):
    return f"{self.name} wags {'!' * times}"
Animal.wag = wag
rex = Dog("rex")
print(rex.speak(), rex.wag(3), Dog.wag is wag, type(rex.wag).__name__)
rex.speak_alone = types.MethodType(lambda self: f"{self.name} alone", rex)
print(rex.speak_alone(), "speak_alone" in vars(rex))
rex.__class__ = Animal
print(rex.speak(), type(rex).__name__, isinstance(rex, Dog))
try:
    rex.__class__ = int
except TypeError as error:
    print("TypeError:", error)
del Animal.wag
try:
    rex.wag()
except AttributeError as error:
    print("AttributeError:", error)
def init(self, x):
    self.x = x
def describe(self):
    return f"{type(self).__name__}(x={self.x})"
Made = type("Made", (Animal,), {"__init__": init, "describe": describe, "kind": "made"})
m = Made(4)
print(m.describe(), m.kind, Made.__mro__[1].__name__, Made.__qualname__, m.speak.__qualname__)
try:
    m.speak()
except AttributeError as error:
    print("AttributeError:", error)
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="two", c=[3]))
proxy = Animal.__dict__
print(type(proxy).__name__, "speak" in proxy, proxy["speak"] is Animal.speak)
try:
    proxy["new"] = 1
except TypeError as error:
    print("TypeError:", error)
setattr(Animal, "legs", 4)
print(Dog("fido").legs, hasattr(Made(1), "legs"))
class Slotted:
    __slots__ = ("v",)
class OtherSlotted:
    __slots__ = ("v",)
s = Slotted()
s.__class__ = OtherSlotted
print(type(s).__name__)
class Plain:
    pass
try:
    s.__class__ = Plain
except TypeError as error:
    print("TypeError:", error)
counter = {"calls": 0}
def counted(self):
    counter["calls"] += 1
    return counter["calls"]
Plain.count = counted
Plain.static = staticmethod(lambda: "static added later")
Plain.cls = classmethod(lambda cls: cls.__name__)
print(Plain().count(), Plain().count(), Plain.static(), Plain().cls())
