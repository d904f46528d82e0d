# isinstance/issubclass with classes, tuples, nested tuples, builtins, bool/int,
# virtual subclasses via __instancecheck__/__subclasscheck__, and errors.
class Animal: pass
class Dog(Animal): pass
class Cat(Animal): pass
d = Dog()
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, Cat), isinstance(d, (Cat, Dog)), isinstance(d, (Cat, (int, Animal))))
print(issubclass(Dog, Animal), issubclass(Animal, Dog), issubclass(Dog, (Cat, object)), issubclass(Dog, Dog))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, int), isinstance(1.0, (int, float)), isinstance(None, type(None)))
print(isinstance([], list), isinstance((), list), isinstance("s", str), isinstance(b"", (str, bytes)), isinstance(Dog, type))
print(isinstance(int, type), isinstance(type, type), isinstance(object, object), issubclass(type, object))
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta):
    pass
class Robot:
    def quack(self):
        return "beep"
print(isinstance(Robot(), Duck), isinstance(d, Duck), issubclass(Robot, Duck), issubclass(Dog, Duck))
import collections.abc as cabc
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator), isinstance(d, cabc.Hashable))
class Sized:
    def __len__(self):
        return 0
print(isinstance(Sized(), cabc.Sized), issubclass(Sized, cabc.Iterable))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("second arg not type", lambda: isinstance(d, d))
attempt("issubclass non-class", lambda: issubclass(d, Animal))
attempt("issubclass arg2", lambda: issubclass(Dog, 5))
attempt("list of types", lambda: isinstance(1, [int]))
attempt("union", lambda: isinstance(1, int | str))
attempt("union sub", lambda: issubclass(bool, int | None))
class BrokenCheck(type):
    def __instancecheck__(cls, obj):
        raise ValueError("check failed")
class Broken(metaclass=BrokenCheck):
    pass
try:
    isinstance(1, Broken)
except ValueError as error:
    print("ValueError:", error)
print(isinstance(Broken(), Broken), type(d) is Dog, type(d) == Animal, type(True).__mro__)
