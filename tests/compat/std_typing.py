# typing annotations: evaluated annotations, get_type_hints, Generic, Protocol, NamedTuple, TypedDict.
from typing import (Any, Callable, Dict, Generic, List, NamedTuple, Optional, Protocol,
                    TypedDict, TypeVar, Union, get_type_hints, runtime_checkable, get_origin, get_args)

T = TypeVar("T")


def first(items: List[T], default: Optional[T] = None) -> Optional[T]:
    return items[0] if items else default


print(first([3, 4]), first([], "none"))
print(first.__annotations__)
print(get_type_hints(first)["return"])

count: int = 3
names: List[str]
print(__annotations__)


class Stack(Generic[T]):
    items: List[T]

    def __init__(self) -> None:
        self.items = []

    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self

    def pop(self) -> T:
        return self.items.pop()


s: Stack[int] = Stack[int]()
print(s.push(1).push(2).pop(), Stack.__annotations__, Stack.__parameters__)


@runtime_checkable
class Greeter(Protocol):
    def greet(self) -> str: ...


class English:
    def greet(self) -> str:
        return "hello"


print(isinstance(English(), Greeter), isinstance(3, Greeter))


class Employee(NamedTuple):
    name: str
    id: int = 0


e = Employee("ann")
print(e, e._fields, Employee.__annotations__)


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "Up"}
print(m, Movie.__required_keys__, sorted(Movie.__optional_keys__))
Handler = Callable[[int, str], bool]
print(Handler, get_origin(Handler).__name__, get_args(Handler))
print(Union[int, str], Optional[int], Union[int, None] == Optional[int], Dict[str, Any])
print(get_args(Union[int, str]), list[int], dict[str, list[int]], int | None)


def annotated(a: "int", *args: str, b: bool = True, **kw: float) -> None:
    pass


print(annotated.__annotations__)
print(get_type_hints(annotated))
