# Descriptors: data vs non-data precedence over the instance dict, __get__ with
# instance None, __set__/__delete__, functions as descriptors (binding), and
# validators built from descriptors.
log = []
class NonData:
    def __get__(self, obj, owner):
        log.append(f"NonData.__get__ obj={type(obj).__name__} owner={owner.__name__}")
        return "non-data value"
class Data:
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get("_data", "data default")
    def __set__(self, obj, value):
        log.append(f"Data.__set__ {value!r}")
        obj.__dict__["_data"] = value
    def __delete__(self, obj):
        log.append("Data.__delete__")
        obj.__dict__.pop("_data", None)
class Holder:
    nd = NonData()
    d = Data()
h = Holder()
print(h.nd, Holder.nd, log)
h.__dict__["nd"] = "instance wins over non-data"
h.__dict__["d"] = "instance loses to data"
print(h.nd, h.d, type(Holder.d).__name__)
h.d = "assigned"
print(h.d, h.__dict__["d"])
del h.d
print(h.d, log)
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ada", 36)
print(p.name, p.age)
for args in (("Bob", "old"), (7, 1)):
    try:
        Person(*args)
    except TypeError as error:
        print("TypeError:", error)
try:
    Person.__new__(Person).age
except KeyError as error:
    print("KeyError:", error)
def plain(self, x):
    return (type(self).__name__, x)
bound = plain.__get__(h, Holder)
print(bound(1), type(bound).__name__, plain.__get__(None, Holder) is plain)
class UsesPlain:
    method = plain
print(UsesPlain().method(2), UsesPlain.method(UsesPlain(), 3))
class ReadOnlyDescriptor:
    def __get__(self, obj, owner):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only descriptor")
class RO:
    value = ReadOnlyDescriptor()
try:
    RO().value = 1
except AttributeError as error:
    print("AttributeError:", error)
try:
    del RO().value
except AttributeError as error:
    print("AttributeError:", error)
class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, owner):
        self.reads += 1
        return self.reads
class UsesCounted:
    c = Counted()
u = UsesCounted()
print(u.c, u.c, UsesCounted.c, UsesCounted.__dict__["c"].reads)
