# Generic classes and __mro_entries__: typing.Generic subclasses, __orig_bases__,
# __class_getitem__ (an implicit classmethod), builtin generic aliases, Protocol,
# and a base object that supplies __mro_entries__ itself.
from typing import Generic, TypeVar, Protocol, get_type_hints, get_args, get_origin
T = TypeVar("T")
K = TypeVar("K")
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
class Pair(Box[T], Generic[T, K]):
    def __init__(self, item: T, other: K):
        super().__init__(item)
        self.other = other
b = Box[int](5)
p = Pair("a", 1)
print(b.get(), p.get(), p.other, type(b).__name__, Box[int].__origin__ is Box, get_args(Box[str]))
print(Box.__orig_bases__, Pair.__orig_bases__, [k.__name__ for k in Pair.__mro__])
print(Box.__parameters__, Pair.__parameters__, "__orig_bases__" in Box.__dict__)
class Registry:
    def __class_getitem__(cls, key):
        return f"{cls.__name__}[{key!r}]"
print(Registry[int], Registry["x"], Registry[1, 2])
print(list[int], dict[str, list[int]], get_origin(list[int]) is list, type(list[int]).__name__)
class Sized(Protocol):
    def size(self) -> int: ...
class Impl:
    def size(self) -> int:
        return 3
def measure(obj: Sized) -> int:
    return obj.size()
print(measure(Impl()), get_type_hints(measure))
class Fake:
    def __mro_entries__(self, bases):
        return (dict,)
fake = Fake()
class FromFake(fake):
    pass
print([k.__name__ for k in FromFake.__mro__], FromFake.__orig_bases__[0] is fake, FromFake(a=1))
class BadEntries:
    def __mro_entries__(self, bases):
        return [dict]
try:
    class Broken(BadEntries()):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    class NotAType(5 .__class__(), object):
        pass
except TypeError as error:
    print("TypeError:", error)
class Tree(Generic[T]):
    def __init__(self, value: T, children: "list[Tree[T]]" = None):
        self.value = value
        self.children = children or []
    def walk(self):
        yield self.value
        for child in self.children:
            yield from child.walk()
print(list(Tree(1, [Tree(2, [Tree(3)]), Tree(4)]).walk()), Tree[int].__args__)
try:
    Box[int, str]
except TypeError as error:
    print("TypeError:", error)
