# Without the future import, annotations are evaluated where they stand (function
# annotations in the enclosing scope; variable annotations in the body).
def outer():
    kind = int

    def inner(a: kind, *rest: kind, b: kind = 0, **kw: kind) -> kind:
        x: kind = a
        y: kind
        (z): kind = 1
        return x, y, z

    return inner


class C:
    attr: int
    value: list[str] = []
    obj: object
    obj.field: int = 1

    def m(self):
        self.x: int = 1


def declares():
    global declared
    return declared


declared: int = 1
