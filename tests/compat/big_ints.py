# Arbitrary-precision integers: big products, powers, conversions, bit operations.
import math
f = 1
for i in range(1, 41):
    f *= i
print(f, math.factorial(40) == f, len(str(f)))
big = 2 ** 200
print(big, big.bit_length(), (-big).bit_length(), big >> 190, big >> 300, -big >> 199)
print(big - 1, (big - 1) & 0xFFFF, big | 1, big ^ (big + 5), ~big)
print(hex(big), oct(2 ** 70), bin(2 ** 40 + 3), int(hex(big), 16) == big)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7, divmod(-(10 ** 25), 10 ** 12))
print(pow(2, 1000, 10 ** 9 + 7), pow(2, 100) == 1 << 100, (1 << 100) - 2 ** 100)
print(abs(-(10 ** 25)), -(10 ** 25) < 0 < 10 ** 25, 10 ** 25 == 10.0 ** 25, 10 ** 25 > 1e25)
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00\x00", "little"), (2 ** 64).to_bytes(9, "big"))
print(math.gcd(2 ** 100, 6 ** 50), math.isqrt(10 ** 40 + 12345), sum(range(10 ** 6)))
print(2 ** 64 * 2 ** 64 == 2 ** 128, (2 ** 64) ** 2, 3 ** 100 % 1000, hash(2 ** 61 - 1))
n = 9223372036854775807
print(n + 1, n * n, -n - 2, (n + 1) // -1, (-n - 1) * -1, int(str(n) * 3))
print(f"{big:,}"[:30], f"{2**70:_x}", f"{-12345678901234567890:>30}")
print(1 << 65, (1 << 65) >> 64, 7 << 0, int(1e19), round(10 ** 20 + 0.5))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (OverflowError, ValueError, ZeroDivisionError) as error:
        print(label, "->", type(error).__name__, error)
attempt("shift neg", lambda: 1 << -1)
attempt("rshift neg", lambda: 1 >> -5)
attempt("to_bytes", lambda: (2 ** 64).to_bytes(4, "big"))
attempt("float(huge)", lambda: float(10 ** 400))
attempt("div huge", lambda: 10 ** 400 / 3)
attempt("mod0", lambda: 10 ** 30 % 0)
attempt("str digits", lambda: len(str(10 ** 5000)))
attempt("isqrt neg", lambda: math.isqrt(-1))
