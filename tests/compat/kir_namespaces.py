"""Module and class bodies: names, docstrings, annotations, cells, star imports."""
from os.path import *
import sys as system, os.path as osp

x: int = 3
y: "list[int]"
counter = 0
counter += 2
obj = type("Obj", (), {})()
obj.attr: int = 5
table = {}
table["k"]: str = "v"


def outer():
    z = 5
    z_outer = 6

    class Inner:
        """Inner doc."""
        try:
            a = z  # z is assigned here too: looked up by name, not in outer's cell
        except NameError as e:
            a = str(e)
        w = z_outer
        z = 7
        __hidden: int = 1
        b: dict[str, int] = {}
        items = [i * 2 for i in range(3)]
        total = 0
        for i in range(4):
            total += i
        try:
            missing_name
        except NameError as e:
            error = str(e)
        try:
            e
        except NameError:
            error_unbound = True

        def m(self) -> "Inner":
            return super().__repr__ is not None, __class__, z

        def __repr__(self):
            return "<Inner>"

    return Inner


I = outer()
print(__doc__, sorted(__annotations__.items()), I.__doc__, I.__qualname__, I.__module__)
print(I.a, I.w, I.z, I.total, I.items, I.error, I.error_unbound, sorted(I.__annotations__))
print(I().m()[0], I().m()[1] is I, I().m()[2], I.m.__annotations__, repr(I()))
print(counter, obj.attr, table, isabs("/a"), system.version_info[0], osp.join("a", "b"))


class K:
    global x
    x = 4
    del x
    try:
        super()
    except RuntimeError as e:
        print("super:", e)
    locals_seen = sorted(k for k in locals() if not k.startswith("__"))
    value = 1
    del value
    try:
        value
    except NameError as e:
        print(e)

    class Nested:
        level = "nested"

    level = Nested.level


print("x" in globals(), K.locals_seen, K.level, K.Nested.__qualname__, hasattr(K, "value"))


class WithCell:
    def f(self):
        return __class__

    __class__ = "shadow"


print(WithCell().f() is WithCell, WithCell.__dict__["__class__"])


def make(base):
    class Derived(base):
        def hello(self):
            return "derived " + super().hello()
    return Derived


class Base:
    def hello(self):
        return "base"


print(make(Base)().hello(), type(make(Base)).__name__)


class Meta(type):
    def __prepare__(name, bases, **kwargs):
        print("prepare", name, kwargs)
        return {"injected": 1}

    def __new__(mcs, name, bases, ns, **kwargs):
        return super().__new__(mcs, name, bases, dict(ns))


class UsesMeta(metaclass=Meta, flag=True):
    seen = injected


print(UsesMeta.seen)


class Pathologies:
    def method(self):
        super
        # The class body's __class__ is this method's (free), not X's own cell.
        class X:
            x = __class__

            def f():
                __class__
        print(X.x is Pathologies, X.f.__closure__[0].cell_contents is X)

        class Y(Base):
            def hello(self):
                return super().hello()
            __class__ = 413
        print(Y().hello(), Y().__class__)


Pathologies().method()


class Failing:
    ok = 1
    raise ValueError("in class body")
