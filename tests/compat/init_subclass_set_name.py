# __init_subclass__ (with class keyword arguments) and __set_name__: the hooks type()
# calls while creating a class, their order, and errors raised inside them.
log = []
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        log.append(f"init_subclass {cls.__name__}")
class Alpha(Plugin):
    pass
class Beta(Plugin, name="b"):
    pass
class Gamma(Beta):
    pass
print(sorted(Plugin.registry), Gamma.plugin_name, log)
try:
    class Wrong(Plugin, unknown=1):
        pass
except TypeError as error:
    print("TypeError:", error)
class Field:
    def __init__(self, default):
        self.default = default
    def __set_name__(self, owner, name):
        log.append(f"set_name {owner.__name__}.{name}")
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
log.clear()
class Record(Plugin, name="record"):
    x = Field(1)
    y = Field("why")
    log.append("body done")
r = Record()
r.x = 42
print(r.x, r.y, Record.x.name, Record.y.private, log)
f = Field(0)
class Later:
    pass
Later.attr = f
print(hasattr(f, "name"))
class Failing:
    def __set_name__(self, owner, name):
        raise ValueError(f"refusing {name}")
try:
    class Host:
        field = Failing()
except RuntimeError as error:
    print(type(error).__name__, error, repr(error.__cause__))
class Strict:
    def __init_subclass__(cls, **kwargs):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} must define 'required'")
class Good(Strict):
    required = True
try:
    class Missing(Strict):
        pass
except TypeError as error:
    print("TypeError:", error)
class Defaulted:
    def __init_subclass__(cls, flavor="plain"):
        cls.flavor = flavor
class Choc(Defaulted, flavor="chocolate"):
    pass
class Vanilla(Defaulted):
    pass
print(Choc.flavor, Vanilla.flavor, type(Defaulted.__dict__["__init_subclass__"]).__name__)
