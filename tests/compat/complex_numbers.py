# Complex numbers: literals, arithmetic with int/float, attributes, errors.
a = 3 + 4j
b = 1 - 2j
print(a, b, a + b, a - b, a * b, a / b, -a, +a, abs(a))
print(a.real, a.imag, a.conjugate(), type(a.real).__name__, 1j * 1j, 2j ** 2)
print(a == 3 + 4j, a != b, complex(1, 2), complex("1+2j"), complex(2), complex(), 0j)
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, a ** 2, pow(a, 0), 1j ** 0)
print(repr(1 + 0j), repr(-0j), repr(complex(-1, -0.0)), str(1e20j), hash(1 + 0j) == hash(1))
print(f"{a:.2f} {b!r} {complex(1.5, -2.25):>20}")
print((1 + 2j) in [1 + 2j, 3], 3 + 0j == 3, 3 + 1j == 3, bool(0j), bool(1j))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ZeroDivisionError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
zero = 0j
attempt("div0", lambda: a / zero)
attempt("int div0", lambda: a / 0)
attempt("lt", lambda: a < b)
attempt("floordiv", lambda: a // 2)
attempt("mod", lambda: a % 2)
attempt("int()", lambda: int(a))
attempt("float()", lambda: float(a))
attempt("parse", lambda: complex("1+"))
attempt("0**-1", lambda: zero ** -1)
z = 2j
z += 1
z *= 1j
print(z)
