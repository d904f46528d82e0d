# Conditional expressions: only the chosen branch is evaluated; nesting and precedence.
log = []
def v(label, value):
    log.append(label)
    return value
for cond in (True, False, 0, "s", None):
    log.clear()
    result = v("then", "T") if v("cond", cond) else v("else", "E")
    print(repr(cond), result, log)
def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big"
print([classify(n) for n in (-5, 0, 3, 42)])
print((1 if True else 2) + 10, 1 if False else 2 + 10, [x if x % 2 else -x for x in range(6)])
f = (lambda x: "odd") if v("pick", True) else (lambda x: "even")
print(f(3))
print({k: ("a" if k else "b") for k in (0, 1)})
def risky(x):
    return 10 // x if x else "no division"
print(risky(2), risky(0))
try:
    print(1 if 1 // 0 else 2)
except ZeroDivisionError as error:
    print("test raised:", error)
try:
    print((lambda: 0)() if [] else {}["missing"])
except KeyError as error:
    print("else raised:", repr(error))
a = 5
b = a * 2 if a > 3 else a - 1
c = not a if a else -a
print(b, c, "x" if "" else "y" if [] else "z")
