# f-strings: conversions, format specs (nested), '=' self-documenting, expressions
# with dict access and calls, escapes of braces, and errors raised inside.
name = "Kiln"
value = 3.14159
width, precision = 10, 3
items = {"key": "v", "n": 42}
print(f"{name} {name!r} {name!s} {name!a} {'é'!a}")
print(f"[{value:.2f}] [{value:{width}.{precision}f}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{items['key']} {items['n']:05d} {len(items)} {[1, 2][1]} {(lambda x: x * 2)(21)}")
print(f"{value=} {name=!r} {width + precision=} {items['n'] = }")
print(f"{{literal}} {{{name}}} {'}'} {'{'}")
print(f"{42:#x} {42:#o} {42:b} {-42:+d} {42: d} {1234567:,} {1234567:_} {0.5:.1%}")
print(f"{'left':<8}|{'mid':^8}|{'right':>8}|{3:=+6}|{'pad':x<6}")
print(f"{3.0:g} {1e10:g} {123.456:e} {123.456:.2E} {float('inf'):f} {-0.0:+.1f}")
print(f"{True} {None} {b'x'} {(1, 2)} {[f'{i}' for i in range(3)]}")
nested = f"outer {f'inner {name}'} {f'{value:.{precision - 1}f}'}"
print(nested)
print(f"{name.upper()}{name.lower()!r:>8}", f"""{
    name
}""", f"a" f"{1}" "b" f"{2}")
class Custom:
    def __format__(self, spec):
        return f"<Custom spec={spec!r}>"
    def __repr__(self):
        return "Custom()"
    def __str__(self):
        return "custom-str"
c = Custom()
print(f"{c} {c:abc} {c!r} {c!s} {c!r:>10} {c=}")
import datetime
d = datetime.date(2024, 2, 29)
print(f"{d:%Y/%m/%d} {d!r} {d:%A}")
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, TypeError, KeyError, NameError) as error:
        print(label, "->", type(error).__name__, error)
attempt("bad spec", lambda: f"{42:q}")
attempt("str spec", lambda: f"{'x':d}")
attempt("bad key", lambda: f"{items['nope']}")
attempt("obj spec", lambda: f"{object():>5}")
attempt("width str", lambda: f"{1:{'x'}}")
attempt("none fmt", lambda: f"{None:.2f}")
attempt("undefined", lambda: f"{undefined_name}")
attempt("comma str", lambda: f"{'abc':,}")
