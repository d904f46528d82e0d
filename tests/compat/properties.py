# property: getter, setter, deleter, read-only errors, docstrings, inheritance and
# overriding, property() called directly, and validation in setters.
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        """Degrees Celsius."""
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
t.celsius = 100
print(t.celsius, t.fahrenheit)
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, AttributeError) as error:
        print(label, "->", type(error).__name__, error)
attempt("below zero", lambda: setattr(t, "celsius", -300))
attempt("read-only", lambda: setattr(t, "fahrenheit", 1))
attempt("no deleter", lambda: delattr(t, "fahrenheit"))
del t.celsius
attempt("after delete", lambda: t.celsius)
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
class Extended(Base):
    @Base.name.setter
    def name(self, value):
        self._name = value
print(Child().name, Base().name)
e = Extended()
e.name = "set"
print(e.name, e._name)
class Manual:
    def get_x(self):
        return self._x
    def set_x(self, value):
        self._x = value * 2
    x = property(get_x, set_x, None, "manual doc")
m = Manual()
m.x = 21
print(m.x, Manual.x.__doc__, Manual.x.fget.__name__, Manual.x.fdel)
class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return Lazy.calls
lazy = Lazy()
print(lazy.value, lazy.value, Lazy.calls)
class Broken:
    @property
    def bad(self):
        return self.missing_attr
attempt("inner AttributeError", lambda: Broken().bad)
class Shadow:
    @property
    def p(self):
        return "property wins"
s = Shadow()
s.__dict__["p"] = "instance dict"
print(s.p, vars(s))
attempt("unknown attr in getter class", lambda: Temperature.celsius.fget(object()))
