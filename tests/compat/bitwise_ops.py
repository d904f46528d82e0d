# Bitwise operators on ints and bools, sets, and user types; precedence; errors.
for a, b in ((12, 10), (-12, 10), (12, -10), (0, -1), (255, 256)):
    print(a, b, a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(True & False, True | False, True ^ True, type(True & True).__name__, ~True, ~False)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3 & 4, 1 << 2 + 1, -1 >> 10, 5 & -5, -5 | 3)
s = {1, 2, 3}
t = {2, 3, 4}
print(sorted(s & t), sorted(s | t), sorted(s ^ t), sorted(s - t))
print(frozenset({1}) | {2} == {1, 2}, type(frozenset({1}) | {2}).__name__)
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print(d1 | d2, d2 | d1)
d1 |= {"c": 4}
print(d1)

class Flags:
    def __init__(self, bits):
        self.bits = bits
    def __and__(self, other):
        return Flags(self.bits & int(other))
    def __rand__(self, other):
        return Flags(int(other) & self.bits)
    def __or__(self, other):
        return NotImplemented
    def __int__(self):
        return self.bits
    def __invert__(self):
        return Flags(~self.bits & 0xFF)
    def __lshift__(self, n):
        return Flags(self.bits << n)
    def __rrshift__(self, other):
        return ("rrshift", other, self.bits)
    def __repr__(self):
        return f"Flags({self.bits:#x})"

f = Flags(0b1010)
print(f & 0b0110, 0b0111 & f, ~f, f << 4, 100 >> f)
x = 0b1100
x &= 0b1010
print(bin(x))
x |= 0b0001
x ^= 0b1111
x <<= 2
x >>= 1
print(bin(x))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
attempt("float &", lambda: 1.5 & 1)
attempt("str |", lambda: "a" | "b")
attempt("Flags |", lambda: f | 1)
attempt("int | Flags", lambda: 1 | f)
attempt("~float", lambda: ~1.5)
attempt("list ^", lambda: [1] ^ [2])
attempt("neg shift", lambda: 1 << -1)
attempt("float <<", lambda: 1 << 2.0)
