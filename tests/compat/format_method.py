# str.format and format(): positional/keyword/indexed fields, attribute and item access,
# conversions, nested specs, __format__, and the errors.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __format__(self, spec):
        if spec == "polar":
            return "P<polar>"
        return f"P({self.x:{spec}}, {self.y:{spec}})"
    def __repr__(self):
        return "P!"
p = P(1.5, 2)
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x} {0.y} {0!r} {0:polar} {0:.2f}".format(p), "{d[k]} {l[1]}".format(d={"k": "v"}, l=[5, 6]))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+,}".format("r", "l", "c", "s", 3.14159, 1234567))
print("{:{w}.{p}f}|{:{}}|{!s:>{w}}".format(2.5, "x", 4, "y", w=7, p=2))
print(format(255, "x"), format(255, "#010b"), format(0.125, ".1%"), format("s", "^5"), format(p))
print(format(1234.5, ",.1f"), format(10 ** 10, "_d"), format(3, ""), format(True), format(None))
print("{{}} {{{}}}".format("in"), "{!a}".format("ü"), "{0[0]}{0[1]}".format("hi"))
print("{:c}{:c}".format(72, 105), "{:n}".format(1000), "{:e}".format(0.0), "{:g}".format(1e-7))
print("{:=>+8.2f}|{:<06}|{:x>-5}".format(3.14159, 7, -1))
print("%s" % "ok", str.format("{}", "unbound"), "{a}{b}".format_map({"a": 1, "b": 2}))
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
        print(label, "->", type(error).__name__, error)
attempt("index", lambda: "{2}".format(1, 2))
attempt("key", lambda: "{missing}".format(present=1))
attempt("attr", lambda: "{0.z}".format(p))
attempt("mix", lambda: "{}{0}".format(1, 2))
attempt("mix2", lambda: "{0}{}".format(1, 2))
attempt("single }", lambda: "a}b".format())
attempt("single {", lambda: "a{b".format())
attempt("conversion", lambda: "{!x}".format(1))
attempt("spec", lambda: "{:d}".format("s"))
attempt("format spec", lambda: format(1.5, "d"))
attempt("sign str", lambda: format("s", "+"))
attempt("object", lambda: format(object(), "x"))
attempt("format ret", lambda: format(type("B", (), {"__format__": lambda self, s: 1})()))
