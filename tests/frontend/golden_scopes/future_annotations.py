from __future__ import annotations
# Under `from __future__ import annotations`, CPython 3.11 visits annotations in
# hidden blocks: the names they use do not reach any symbol table.


def outer():
    hidden = int

    def inner(a: hidden, *args: hidden, b: hidden = 1, **kw: hidden) -> hidden:
        x: hidden = a
        y: hidden
        return x

    z: lambda: hidden = 3
    return inner


class C:
    attr: SomeType
    value: list[OtherType] = []

    def method(self, other: C) -> C:
        local: [t for t in TypeList]
        self.field: Annotation = other
        return self
