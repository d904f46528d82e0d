# Metaclasses: type() with three arguments, custom metaclasses (__new__, __init__,
# __call__), __prepare__ with keyword arguments, metaclass inheritance and conflicts.
log = []
Dynamic = type("Dynamic", (object,), {"x": 1, "hello": lambda self: f"hi {self.x}"})
print(Dynamic().hello(), Dynamic.__name__, type(Dynamic).__name__, Dynamic.__qualname__)
class Meta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        log.append(f"Meta.__new__ {name} {sorted(k for k in namespace if not k.startswith('__'))} {kwargs}")
        cls = super().__new__(mcls, name, bases, namespace)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, namespace, **kwargs):
        log.append(f"Meta.__init__ {name}")
        super().__init__(name, bases, namespace)
    def __call__(cls, *args, **kwargs):
        log.append(f"Meta.__call__ {cls.__name__}{args}")
        return super().__call__(*args, **kwargs)
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        log.append(f"Meta.__prepare__ {name} {kwargs}")
        return {"injected": kwargs.get("inject", "default")}
class Base(metaclass=Meta, inject="value"):
    def __init__(self, v):
        self.v = v
class Derived(Base):
    extra = 1
obj = Derived(5)
print(log)
print(Base.injected, Derived.injected, Derived.created_by, type(Derived).__name__, obj.v)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class Recorder(dict):
            def __setitem__(self, key, value):
                if not key.startswith("__"):
                    log.append(key)
                super().__setitem__(key, value)
        return Recorder()
log.clear()
class Fields(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    def method(self):
        pass
print(log)
class Singleton(type):
    _instances = {}
    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, name):
        self.name = name
print(Config("a") is Config("b"), Config("c").name)
class MetaA(type):
    pass
class MetaB(type):
    pass
class UsesA(metaclass=MetaA):
    pass
class UsesB(metaclass=MetaB):
    pass
try:
    class Both(UsesA, UsesB):
        pass
except TypeError as error:
    print("TypeError:", error)
class SubMetaA(MetaA):
    pass
class Mixed(UsesA, metaclass=SubMetaA):
    pass
print(type(Mixed).__name__)
def function_metaclass(name, bases, namespace):
    return f"not a class: {name} {sorted(k for k in namespace if not k.startswith('__'))}"
class Weird(metaclass=function_metaclass):
    a = 1
print(Weird)
class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class Uses(metaclass=BadPrepare):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    class KW(Dynamic, unexpected=1):
        pass
except TypeError as error:
    print("TypeError:", error)
print(isinstance(Config, Singleton), isinstance(Config, type), Meta.__mro__[1].__name__)
