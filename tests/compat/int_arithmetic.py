# Integer arithmetic: +, -, *, /, //, %, ** and divmod, with negative operands.

for a in (7, -7, 10**20 + 3):
    for b in (3, -3, 2, -(10**9)):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(7 / 2, -7 / 2, 1 / 3, 10**20 / 7, 2**63 / 2)
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** (1 / 3) == (-8) ** (1 / 3), 0 ** 0)
print(pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(10**30, 3, 10**9 + 7))
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)
print(abs(-5), abs(5), -(-5), +5, int("-42"), int("  17 "), int("ff", 16), int("0b101", 0))
print(int(3.99), int(-3.99), round(2.5), round(3.5), round(-2.5), round(1234, -2))
print(17 % 5, -17 % 5, 17 % -5, -17 % -5, 17 // 5, -17 // 5, 17 // -5, -17 // -5)
x = 10
x //= 3
print(x)
x **= 5
print(x)
x %= 7
print(x)
zero = 0
cases = [("1 // 0", lambda: 1 // zero), ("1 % 0", lambda: 1 % zero), ("divmod", lambda: divmod(1, zero)),
         ("1 / 0", lambda: 1 / zero), ("pow mod", lambda: pow(2, -1, 4)), ("0 ** -1", lambda: zero ** -1),
         ("int abc", lambda: int("abc")), ("int base", lambda: int("12", 1))]
for label, thunk in cases:
    try:
        print(thunk())
    except (ZeroDivisionError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
def divide(a, b):
    return a // b
for a, b in ((1, 0), (5, 0)):
    try:
        divide(a, b)
    except ZeroDivisionError as error:
        print("divide", a, b, error)
try:
    5 % 0
except ZeroDivisionError as error:
    print("mod:", error)
try:
    x = 0
    print(10 / x)
except ZeroDivisionError as error:
    print("truediv:", error)
print(True + True, True * 10, False - 1, True / 2, True // 2, -True)
print(isinstance(True + 1, int), type(True + True).__name__)
