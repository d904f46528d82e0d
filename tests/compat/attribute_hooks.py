# __getattr__ (only for missing attributes), __getattribute__ (every lookup),
# __setattr__ and __delattr__, object.__getattribute__/__setattr__ delegation,
# AttributeError propagation, and hasattr/getattr with defaults.
log = []
class Lazy:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        log.append(f"getattr {name}")
        if name.startswith("computed_"):
            return name[len("computed_"):].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
obj = Lazy()
print(obj.real, obj.computed_value, log)
print(hasattr(obj, "missing"), getattr(obj, "missing", "default"), log)
try:
    obj.missing
except AttributeError as error:
    print("AttributeError:", error)
class Audited:
    def __init__(self):
        object.__setattr__(self, "history", [])
    def __getattribute__(self, name):
        if name != "history":
            object.__getattribute__(self, "history").append(f"get {name}")
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.history.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.history.append(f"del {name}")
        object.__delattr__(self, name)
    def method(self):
        return "method result"
a = Audited()
a.x = 1
a.x += 1
_ = a.method()
del a.x
print(a.history)
try:
    a.x
except AttributeError as error:
    print("AttributeError:", error)
class Fallback:
    def __getattribute__(self, name):
        if name == "broken":
            raise AttributeError("broken on purpose")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
f = Fallback()
print(f.broken, f.anything, getattr(f, "other"))
class ReadOnly:
    def __init__(self, **values):
        object.__setattr__(self, "_values", dict(values))
    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}: read-only")
r = ReadOnly(a=1, b=2)
print(r.a, r.b)
for action in (lambda: setattr(r, "a", 5), lambda: r.c, lambda: delattr(r, "a")):
    try:
        action()
    except AttributeError as error:
        print("AttributeError:", error)
class RaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(RaisesOther(), "x")
except KeyError as error:
    print("KeyError from hasattr:", error)
print(getattr(Lazy(), "computed_abc"), type(Lazy()).__getattr__.__name__)
class Recursive:
    def __getattr__(self, name):
        return self.__dict__.get("_" + name, f"no {name}")
rc = Recursive()
rc._v = 5
print(rc.v, rc.w)
