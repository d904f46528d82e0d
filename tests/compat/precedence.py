# Operator precedence and associativity: power vs unary minus, right-associative **,
# comparison vs bitwise vs boolean operators, not vs ==, conditional expressions and
# lambdas, and parenthesised overrides.
print(-2 ** 2, (-2) ** 2, 2 ** -1, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** -2)
print(1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 10 - (4 - 3), 100 / 10 / 5, 2 * 3 % 4, 2 * (3 % 4))
print(1 | 2 ^ 3 & 4, ((1 | 2) ^ 3) & 4, 1 << 2 + 3, (1 << 2) + 3, ~1 + 1, ~(1 + 1), -~2, ~-2)
print(1 < 2 == 2, (1 < 2) == 2, 1 == 1 in [1], (1 == 1) in [1], 3 & 1 == 1, (3 & 1) == 1)
print(not 1 == 2, (not 1) == 2, not 0 + 1, True or False and False, (True or False) and False)
print(1 or 2 and 0, (1 or 2) and 0, not 0 and 0, not (0 and 0), 0 or not 0)
print(1 if 0 else 2 if 1 else 3, (1 if 0 else 2) if 0 else 3, 1 + 2 if 0 else 3 + 4)
f = lambda x: x + 1 if x else -1
print(f(0), f(5), (lambda: 1 or 2)(), [lambda: i for i in range(2)][0]())
print(-3 // 2, -(3 // 2), -3 % 2, -(3 % 2), 2 ** 2 ** -1, 7 // 2 * 2 + 7 % 2)
print("a" + "b" * 2, ("a" + "b") * 2, "x" in "xy" == True, ("x" in "xy") == True, [1] * 2 + [3])
a, b, c = 5, 3, 7
print(a > b > c, a > b and b > c, a < b or b < c, not a < b, a - b - c, a - (b - c))
print(a if a > b else b, a * b if a else c, (a, b) < (a, c), a & b | c, a & (b | c))
x = [1, 2, 3]
print(x[1] ** 2, -x[0], not x, x[1:][0], (x * 2)[3], x[-1] + x[0] * 2)
print(2 ** 0.5 * 2, 3 * -1, 3 - -1, 3 - - - 1, +-+1, 10 / 4 * 2, 10 // 4 * 2, 2 ** 3 * 2)
