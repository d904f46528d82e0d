# symtable reports the def/class line, not the first decorator's; lambdas and
# comprehensions report their own line.
def deco(f):
    return f


@deco
@deco
def decorated(
    a=lambda: 1,
    b=[i for i in range(2)],
):
    return (
        lambda x:
        x
    )


@deco
class Decorated(
    object,
    metaclass=type,
):
    pass
