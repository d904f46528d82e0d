# Annotations: function __annotations__ (parameters, *args, **kwargs, return), module
# and class __annotations__ from annotated assignments, evaluation at definition time.
from typing import List, Optional
log = []
def note(label):
    log.append(label)
    return label
def f(a: int, b: "str" = "x", *args: float, c: note("c") = 1, **kw: dict) -> List[int]:
    return [a]
print(f.__annotations__)
print(log)
def plain(a, b):
    pass
print(plain.__annotations__, (lambda x: x).__annotations__)
x: int = 5
y: Optional[str]
z: "forward" = "value"
print(__annotations__)
print(x, z, "y" in globals())
class Point:
    x: int
    y: int = 0
    label: str = "origin"
    def method(self, other: "Point") -> bool:
        return True
print(Point.__annotations__, Point.y, hasattr(Point, "x"))
print(Point.method.__annotations__)
def local_annotations():
    count: int = 0
    unused: undefined_name_is_fine
    count += 1
    return count
print(local_annotations())
class Sub(Point):
    z: float
print(Sub.__annotations__)
def order(p1: note("p1"), p2: note("p2")) -> note("ret"):
    pass
print(log)
f.__annotations__["extra"] = 1
print(sorted(f.__annotations__))
def renamed(__private: int):
    pass
print(renamed.__annotations__)
class Mangled:
    def m(self, __x: int) -> None:
        pass
    __attr: int = 1
print(Mangled.m.__annotations__, Mangled.__annotations__)
try:
    def broken(a: undefined_annotation):
        pass
except NameError as error:
    print("NameError:", error)
obj = Point()
obj.attr: int = 5
print(obj.attr, Point.__annotations__.get("attr"))
