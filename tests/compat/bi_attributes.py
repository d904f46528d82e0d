# getattr/setattr/hasattr/delattr, __getattr__/__setattr__/__delattr__, properties, slots.
class Obj:
    cls_attr = "class level"

    def __init__(self):
        self.x = 1


o = Obj()
print(getattr(o, "x"), getattr(o, "missing", "default"), getattr(o, "cls_attr"), hasattr(o, "x"), hasattr(o, "nope"))
setattr(o, "y", 2)
setattr(o, "with space", 3)
print(o.y, getattr(o, "with space"), sorted(vars(o)))
delattr(o, "y")
print(hasattr(o, "y"))
try:
    delattr(o, "y")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(o, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    o.missing_attribute
except AttributeError as e:
    print(type(e).__name__, e, e.name, e.obj is o)


class Dynamic:
    def __init__(self):
        self.log = []

    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"no {name}")

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.log.append(f"del {name}")
        super().__delattr__(name)


d = Dynamic()
print(d.auto_value, getattr(d, "auto_x"), hasattr(d, "other"))
d.a = 1
del d.a
print(d.log)


class Temperature:
    __slots__ = ("_celsius",)

    def __init__(self, c):
        self._celsius = c

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self._celsius = (value - 32) * 5 / 9


t = Temperature(100)
print(t.fahrenheit)
t.fahrenheit = 32
print(t._celsius, hasattr(t, "__dict__"))
try:
    t.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Temperature(1).fahrenheit = "hot"
except TypeError as e:
    print(type(e).__name__, e)


class ReadOnly:
    @property
    def value(self):
        return 5


try:
    ReadOnly().value = 6
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(Obj, "cls_attr"), getattr(str, "upper")("x"), getattr(o, "__class__").__name__)
try:
    o.no_such_method(print("not printed: the method is looked up before the arguments"))
except AttributeError as e:
    print(type(e).__name__, e)
calls = []
o.x = 5
print(getattr(o, "x").__add__(len(calls)), o.__class__.__name__.upper())
