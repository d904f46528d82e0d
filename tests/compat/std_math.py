# math: functions, constants, integer helpers, float edge cases and error messages.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.isqrt(17), math.hypot(3, 4), math.dist((0, 0), (1, 1)))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), round(2.5), round(3.5), round(-0.5))
print(math.gcd(12, 18, 30), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0), math.log1p(0))
print(round(math.sin(math.pi / 6), 10), round(math.cos(0), 3), math.atan2(1, 1) == math.pi / 4)
print(math.degrees(math.pi), math.radians(180) == math.pi)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.copysign(3, -0.0))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(-7, 3), -7 % 3)
print(math.isfinite(1e308 * 10), math.isinf(float("-inf")), math.nextafter(1.0, 2.0) > 1.0)
print(2 ** 100, 7 // -2, -7 // 2, 7 % -2, divmod(-7, 2), pow(3, -1, 7), pow(2, 10, 1000))
print(1e16, 1.5e-7, 123456789.0 * 10, 0.1 * 3, 1 / 3, 2 / 3, float("1_000.5"))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1),
            lambda: math.exp(1000), lambda: 1 / 0, lambda: 1.0 / 0, lambda: 5 % 0):
    try:
        bad()
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(int(math.inf) if False else "skip", float("nan") == float("nan"), math.ulp(1.0))
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
print((2.5).as_integer_ratio(), (10).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
