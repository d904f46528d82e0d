# f-string corner cases: '=' with conversions and specs, walrus and lambda inside,
# nested quotes, nested f-strings in specs, backslash-free escapes, format_spec from
# expressions, __format__ returning non-str, and very large values.
x = 42
name = "kiln"
print(f"{x=:>6}|{name = !r:^12}|{x=!s}|{x = }|{x*2=}")
print(f"{(y := 5)}", y, f"{(lambda v: v * 2)(x)}", f"{'nested {x}'}", f"{f'{x}' + f'{name}'}")
print(f"{x:{'>' if x else '<'}{10}}|", f"{3.14159:.{x // 20}f}", f"{name:{len(name) + 2}}|")
print(f"{'{'}{x}{'}'}", f"{{{x}}}", f"{x!r:{'<'}5}|", f"{name!a}", f"{'ü'!a}")
print(f"{x:,}", f"{x:_b}", f"{10**30:,}", f"{-x:+}", f"{x:=^+9}", f"{x:#06x}")
print(f"{[1, 2][0]} {dict(a=1)['a']} {(1, 2)!r} {x if x else 0} {'a' 'b'}")
print(f"""{'multi'
        }""" if True else "", f"{x:{''}}", f"{None!s:>5}", f"{True:d}", f"{1.5:%}")
class Fmt:
    def __format__(self, spec):
        return spec[::-1] or "empty"
print(f"{Fmt()}", f"{Fmt():abc}", f"{Fmt():{name}}", format(Fmt(), "xyz"))
class BadFmt:
    def __format__(self, spec):
        return 5
class RaisingFmt:
    def __format__(self, spec):
        raise ValueError(f"bad spec {spec!r}")
class BadStr:
    def __str__(self):
        return None
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError) as error:
        print(label, "->", type(error).__name__, error)
attempt("non-str format", lambda: f"{BadFmt()}")
attempt("raising format", lambda: f"{RaisingFmt():spec}")
attempt("bad str", lambda: f"{BadStr()}")
attempt("bad str conversion", lambda: f"{BadStr()!s}")
attempt("spec on int", lambda: f"{x:s}")
attempt("nested spec error", lambda: f"{x:{BadFmt()}}")
values = [1.23456, 22.5, 333]
for width in (6, 8):
    print("|".join(f"{v:{width}.{2}f}" for v in values))
print(f"{'a' * 3}{'b':>{x - 40}}", f"{x}" f"{x}" "{x}", len(f"{x:1000}"))
