# Unary -, +, ~ and not on builtins and on classes with __neg__/__pos__/__invert__/__bool__.
print(-5, +5, ~5, not 5, -0, -0.0, +(-0.0), -(1 + 2j), ~-1, --5, -~5, ~~5)
print(-True, +False, ~True, not None, not [], not [0], -(10 ** 20), - -2.5)
class Vec:
    def __init__(self, *xs):
        self.xs = xs
    def __neg__(self):
        return Vec(*(-x for x in self.xs))
    def __pos__(self):
        return Vec(*(abs(x) for x in self.xs))
    def __invert__(self):
        return Vec(*reversed(self.xs))
    def __abs__(self):
        return sum(x * x for x in self.xs) ** 0.5
    def __bool__(self):
        return any(self.xs)
    def __repr__(self):
        return "Vec" + repr(self.xs)
v = Vec(3, -4)
print(-v, +v, ~v, abs(v), not v, not Vec(0, 0), -(-v), ~~v)
class Odd:
    def __neg__(self):
        return "negated"
    def __pos__(self):
        return NotImplemented
print(-Odd(), +Odd())
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("-str", lambda: -"abc")
attempt("+list", lambda: +[1])
attempt("~float", lambda: ~2.5)
attempt("~Odd", lambda: ~Odd())
attempt("-None", lambda: -None)
attempt("abs(str)", lambda: abs("x"))
attempt("-dict", lambda: -{})
x = 7
x = -x
print(x, -x ** 2, (-x) ** 2, not x == 7, not (x == 7), -x if x < 0 else x)
