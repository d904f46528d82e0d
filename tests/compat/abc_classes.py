# abc.ABC and ABCMeta: abstract methods/properties/classmethods prevent instantiation
# (with CPython's message), concrete subclasses, register() virtual subclasses,
# __subclasshook__, and __abstractmethods__.
import abc
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...
    @property
    @abc.abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name} with area {self.area()}"
class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    @property
    def name(self):
        return "square"
class Partial(Shape):
    def area(self):
        return 0
print(Square(3).describe(), sorted(Shape.__abstractmethods__), sorted(Partial.__abstractmethods__), Square.__abstractmethods__)
for cls in (Shape, Partial):
    try:
        cls()
    except TypeError as error:
        print("TypeError:", error)
class Base(metaclass=abc.ABCMeta):
    @classmethod
    @abc.abstractmethod
    def create(cls):
        return "base create"
    @staticmethod
    @abc.abstractmethod
    def helper():
        pass
class Impl(Base):
    @classmethod
    def create(cls):
        return "impl " + super().create()
    @staticmethod
    def helper():
        return "helped"
print(Impl.create(), Impl().helper(), isinstance(Impl(), Base), type(Base).__name__)
class Serializer(abc.ABC):
    @abc.abstractmethod
    def dump(self, obj):
        pass
class Json:
    def dump(self, obj):
        return str(obj)
Serializer.register(Json)
print(isinstance(Json(), Serializer), issubclass(Json, Serializer), Json.__mro__[-1].__name__)
class HasLen(abc.ABC):
    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is HasLen:
            return hasattr(subclass, "__len__")
        return NotImplemented
print(issubclass(list, HasLen), issubclass(int, HasLen), isinstance("s", HasLen))
class AbstractAttr(abc.ABC):
    @abc.abstractmethod
    def one(self): ...
    @abc.abstractmethod
    def two(self): ...
    @abc.abstractmethod
    def three(self): ...
try:
    AbstractAttr()
except TypeError as error:
    print("TypeError:", error)
class Later(abc.ABC):
    pass
def dynamic(self):
    pass
Later.method = abc.abstractmethod(dynamic)
print(type(Later()).__name__, "is still instantiable before update_abstractmethods")
abc.update_abstractmethods(Later)
try:
    Later()
except TypeError as error:
    print("TypeError:", error)
print(getattr(Shape.area, "__isabstractmethod__", False), getattr(Square.area, "__isabstractmethod__", False))
