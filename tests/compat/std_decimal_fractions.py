# decimal and fractions: exact arithmetic, contexts, rounding, conversions, errors.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation, DivisionByZero
from fractions import Fraction

print(Decimal("0.1") + Decimal("0.2"), Decimal("0.1") + Decimal("0.2") == Decimal("0.3"))
print(Decimal(1) / Decimal(7))
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), ctx.prec)
print(getcontext().prec)
print(Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), Decimal("2.675").quantize(Decimal("0.01")))
print(Decimal("7.89").quantize(Decimal("1"), rounding=ROUND_DOWN), Decimal("-0"), Decimal("1.30").normalize())
print(Decimal(0.1), Decimal("1e-3"), Decimal("123.4500").as_tuple())
print(Decimal("10").sqrt(), Decimal(2) ** 10, Decimal("3.14159").to_integral_value(), round(Decimal("2.5")))
print(repr(Decimal("1.5")), str(Decimal("1E+2")), float(Decimal("0.25")), int(Decimal("-3.9")))
print(sorted([Decimal("1.1"), Decimal("-2"), Decimal("0.5")]), max(Decimal(1), 2))
try:
    Decimal("abc")
except InvalidOperation as e:
    print(type(e).__name__, e)
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print(type(e).__name__, e)
try:
    Decimal(1) + 1.5
except TypeError as e:
    print(type(e).__name__, e)

half = Fraction(1, 2)
third = Fraction(1, 3)
print(half + third, half * third, half / third, half - third, half ** 2, -third)
print(Fraction("3/4"), Fraction(0.75), Fraction("1.25"), Fraction(6, 4), Fraction(-3, -9))
print(Fraction(1, 3).numerator, Fraction(1, 3).denominator, float(Fraction(1, 8)), int(Fraction(7, 2)))
print(Fraction(355, 113).limit_denominator(10), Fraction(0.1).limit_denominator(100))
print(sum(Fraction(1, n) for n in range(1, 5)), Fraction(1, 2) == 0.5, Fraction(1, 2) < Fraction(2, 3))
print(repr(Fraction(5, 10)), round(Fraction(7, 2)), round(Fraction(22, 7), 2))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    Fraction("1/x")
except ValueError as e:
    print(type(e).__name__, e)
