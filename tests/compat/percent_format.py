# printf-style formatting with %: conversions, flags, width/precision (incl. *),
# mapping keys, bytes, and the errors.
print("%s %r %a %d %i %u" % ("s", "r", "é", 42, -7, 3))
print("%5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%o|%#o|%c|%c" % (42, 42, 42, 42, 42, 255, 255, 255, 8, 8, 65, "z"))
print("%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G|%%" % (3.14159, 2.71828, 1.5, 12345.678, 0.00012, 1e-5, 1e20))
print("%(name)s is %(age)d years, %(name)r" % {"name": "Ada", "age": 36})
print("%*d|%-*s|%.*f" % (6, 42, 4, "ab", 2, 3.14159))
print("%s" % (1, ), "%s" % [1, 2], "%s" % ((1, 2),), "%s%%" % 50, "no args" % ())
print("%d" % 3.99, "%x" % 10 ** 20, "%s" % None, "%r" % b"x", "%.3s" % "abcdef", "%5.1s|" % "xyz")
print(b"%s %d %x %c %b" % (b"bytes", 5, 255, 65, b"raw"), b"%(k)s" % {b"k": b"v"})
class Obj:
    def __str__(self):
        return "str!"
    def __repr__(self):
        return "repr!"
    def __index__(self):
        return 7
print("%s %r %d %x" % (Obj(), Obj(), True, Obj()))
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except (TypeError, ValueError, KeyError, OverflowError) as error:
        print(label, "->", type(error).__name__, error)
attempt("too few", lambda: "%s %s" % ("a",))
attempt("too many", lambda: "%s" % ("a", "b"))
attempt("bad type d", lambda: "%d" % "x")
attempt("bad type f", lambda: "%f" % "x")
attempt("missing key", lambda: "%(a)s" % {"b": 1})
attempt("unsupported char", lambda: "%y" % 1)
attempt("incomplete", lambda: "%" % ())
attempt("not a mapping", lambda: "%(a)s" % 5)
attempt("c range", lambda: "%c" % -1)
attempt("c str", lambda: "%c" % "ab")
attempt("bytes str", lambda: b"%s" % "text")
attempt("int %", lambda: 5 % "x")
attempt("list %", lambda: [1] % 2)
