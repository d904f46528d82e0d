# PEP 646: `*args: *Ts` stores the one item of the unpacked annotation.
from typing import TypeVarTuple

Ts = TypeVarTuple("Ts")


def variadic(*args: *Ts):
    return args


def concrete(*args: *tuple[int, str]) -> None:
    pass


print(variadic.__annotations__, concrete.__annotations__)
for bad in ([1, 2], [], 5):
    try:
        def broken(*args: *bad):
            pass
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)


def uncaught():
    def inner(*args: *[1, 2, 3]):
        pass


uncaught()
