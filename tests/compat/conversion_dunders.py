# Conversion hooks: __index__ (slicing, range, hex, list indexing, operator.index),
# __int__, __float__, __complex__, __round__, __trunc__/__floor__/__ceil__, __bytes__,
# __bool__, __abs__, and the errors when a hook returns the wrong type.
import math
import operator
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
items = list(range(10))
i2, i5 = Idx(2), Idx(5)
print(items[i2], items[i2:i5], items[::Idx(3)], list(range(Idx(3))), hex(Idx(255)), bin(i5), oct(i5))
print(operator.index(i5), "ab" * Idx(3), [0] * i2, (1, 2, 3)[Idx(-1)], int(i5), bytes(Idx(2)), chr(Idx(65)))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1 + 2j
    def __round__(self, ndigits=None):
        return ("round", ndigits)
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __abs__(self):
        return "abs"
    def __bytes__(self):
        return b"bytes!"
n = Num()
print(int(n), float(n), complex(n), round(n), round(n, 2), math.trunc(n), math.floor(n), math.ceil(n), abs(n), bytes(n))
print(math.sqrt(n), "%d %f" % (n, n), f"{float(n):.1f}")
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
class BadIndex:
    def __index__(self):
        return 1.5
class BadInt:
    def __int__(self):
        return "seven"
class BadFloat:
    def __float__(self):
        return 1
class BadBytes:
    def __bytes__(self):
        return "text"
class BadBool:
    def __bool__(self):
        return None
class Nothing:
    pass
attempt("bad index slice", lambda: items[BadIndex():])
attempt("bad index", lambda: items[BadIndex()])
attempt("bad int", lambda: int(BadInt()))
attempt("bad float", lambda: float(BadFloat()))
attempt("bad bytes", lambda: bytes(BadBytes()))
attempt("bad bool", lambda: bool(BadBool()))
attempt("no index", lambda: items[Nothing()])
attempt("no int", lambda: int(Nothing()))
attempt("no float", lambda: float(Nothing()))
attempt("no round", lambda: round(Nothing()))
attempt("range float", lambda: range(1.5))
attempt("hex float", lambda: hex(1.5))
attempt("str * float", lambda: "a" * 2.0)
attempt("list index str", lambda: items["1"])
class IntSub(int):
    pass
print(int(IntSub(3)), type(int(IntSub(3))).__name__, float(IntSub(4)), items[IntSub(1)], round(2.5), round(3.5), round(IntSub(15), -1))
print(int(True), float(False), complex(True), math.floor(-0.5), math.ceil(-0.5), math.trunc(-7.9), round(-7.5))
