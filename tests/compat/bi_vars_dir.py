# vars() and dir() on instances, classes and modules (sorted), __dict__ updates.
import math


class Base:
    base_attr = 1

    def base_method(self):
        pass


class Child(Base):
    child_attr = 2

    def __init__(self):
        self.a = 1
        self.b = [2]


c = Child()
print(vars(c), c.__dict__ is vars(c))
vars(c)["z"] = 26
print(c.z, sorted(vars(c)))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(Child) if not n.startswith("__")])
print(sorted(k for k in vars(Child) if not k.startswith("__")), "base_attr" in vars(Child))
print("sqrt" in dir(math), vars(math)["pi"], sorted(n for n in dir(math) if n.startswith("is")))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1


try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
print([n for n in dir(Slotted()) if not n.startswith("__")])


class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha"]


print(dir(Custom()))


def function_with_attrs():
    pass


function_with_attrs.marker = "set"
print(vars(function_with_attrs))
print(sorted(vars(type("T", (), {"k": 1, "j": 2})).keys() - {"__module__", "__dict__", "__weakref__", "__doc__"}))


def local_dir():
    first = 1
    second = 2
    return dir()


print(local_dir())
print(sorted(set(dir([])) & {"append", "pop", "sort"}), "keys" in dir({}))
