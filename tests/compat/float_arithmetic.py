# Float arithmetic: repr, mixed int/float, inf and nan, rounding, division errors.
import math
print(0.1 + 0.2, 1.5 * 4, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2)
print(1e300 * 1e10, -1e300 * 1e10, 1e-320, 5e-324 / 2, 2.0 ** 0.5)
print(repr(1.0), repr(1e16), repr(1.5e-7), repr(123456789.123456789), str(-0.0))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, nan == nan, nan != nan, inf > 1e308)
print(math.isnan(nan), math.isinf(-inf), math.copysign(1.0, -0.0), math.floor(-2.5), math.ceil(-2.5))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5, 0), round(1e20))
print(int(1e20), float(10**20), float("  -3.25 "), float("1_000.5"), 3 * 1.1)
print(divmod(7.5, 2), divmod(-7.5, 2), 7 / 2.0, 2 ** -2, (-8.0) ** 2)
print(1.0 == 1, 1.0 < 2, 0.1 + 0.2 == 0.3, abs(-2.5), -(2.5), +2.5)
print((0.1).as_integer_ratio(), (2.5).is_integer(), (2.0).is_integer(), float.fromhex("0x1.8p1"))
print(f"{math.pi:.3f} {math.e:10.4f} {1234567.891:,.2f} {0.25:%} {1e-5:g} {123.0:e}")
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), float(True), bool(0.0), bool(-0.0), bool(0.1))
def try_it(label, thunk):
    try:
        print(label, thunk())
    except (ZeroDivisionError, OverflowError, ValueError, TypeError) as error:
        print(label, "->", type(error).__name__, error)
zero = 0.0
try_it("1.0/0", lambda: 1.0 / zero)
try_it("1.0//0", lambda: 1.0 // zero)
try_it("1.0%0", lambda: 1.0 % zero)
try_it("divmod", lambda: divmod(1.0, zero))
try_it("0.0**-1", lambda: zero ** -1)
try_it("10.0**400", lambda: 10.0 ** 400)
try_it("int(inf)", lambda: int(inf))
try_it("int(nan)", lambda: int(nan))
try_it("float('x')", lambda: float("x"))
try_it("math.sqrt(-1)", lambda: math.sqrt(-1))
try_it("(-8.0)**0.5", lambda: (-8.0) ** 0.5)
try_it("2**10000*1.0", lambda: 2 ** 10000 * 1.0)
try_it("round(inf)", lambda: round(inf))
try_it("float + str", lambda: 1.5 + "a")
x = 1.5
x += 1
x *= 2
x /= 4
x -= 0.25
print(x, type(x).__name__)
