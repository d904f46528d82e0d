# if/elif/else chains: which tests run, truthiness of many types, nested conditions,
# and errors raised by a test.
log = []
def t(label, value):
    log.append(label)
    return value
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 10, 90, 80)])
for value in (0, 1, 2, 3):
    log.clear()
    if t("a", value == 1):
        branch = "first"
    elif t("b", value == 2):
        branch = "second"
    elif t("c", value == 3):
        branch = "third"
    else:
        branch = "none"
    print(value, branch, log)
for obj in ([], [0], "", " ", {}, {0: 0}, set(), 0.0, 1e-300, None, range(0), object):
    if obj:
        print(type(obj).__name__, "true")
    else:
        print(type(obj).__name__, "false")
def nested(a, b):
    if a:
        if b:
            return "both"
        else:
            return "a only"
    elif b:
        return "b only"
    return "neither"
print([nested(a, b) for a in (0, 1) for b in (0, 1)])
x = 5
if x > 3 and x < 10 or x == 100:
    print("in range")
if not x % 2 == 0:
    print("odd")
if x: pass
else: print("never")
if (y := x * 2) > 5: print("walrus", y)
class Weird:
    def __bool__(self):
        raise RuntimeError("cannot decide")
try:
    if Weird():
        print("never")
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    if x > "3":
        pass
except TypeError as error:
    print("TypeError:", error)
