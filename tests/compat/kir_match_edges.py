# match statements compiled through Kiln IR: captures, or-patterns, guards, failing
# sub-patterns, mapping and class patterns' corner cases, control flow around a match,
# reference counts, and a traceback through a pattern.
import sys
from collections import UserDict


def report(label, function, *args):
    try:
        print(label, "->", function(*args))
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


# A capture is not bound when a later sub-pattern fails.
def later_fails(subject):
    match subject:
        case [x, 2]:
            return ("first", x)
        case _:
            pass
    try:
        return ("unbound?", x)
    except UnboundLocalError as error:
        return ("unbound", str(error))


def or_order(subject):
    match subject:
        case (1, a, b) | (2, b, a) | {"a": a, "b": b}:
            return (a, b)
        case _:
            return None


def nested_or(subject):
    match subject:
        case [(1 | 2) as first, (("x" | "y") as second) | [second]]:
            return (first, second)
        case [*_, (3 | 4) as last]:
            return ("last", last)
    return "none"


class Boom(Exception):
    pass


def exploding(value):
    if value == "boom":
        raise Boom("guard exploded")
    return value


def guard_raises(subject):
    match subject:
        case [x] if exploding(x):
            return ("guarded", x)
        case [x]:
            return ("falsy", x)
    return "none"


def guard_false_keeps(subject):
    y = "before"
    match subject:
        case (y, z) if z > 10:
            return ("big", y, z)
        case _:
            return ("kept", y)


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Lazy:
    __match_args__ = ("value",)

    @property
    def value(self):
        print("  reading value")
        return 42


def class_patterns(subject):
    match subject:
        case Point(0, 0):
            return "origin"
        case Point(x, y=0):
            return ("on x", x)
        case Point(x=0, y=y):
            return ("on y", y)
        case Point(a, b, c):
            return "three"
    return "other"


def too_many_positional(subject):
    match subject:
        case Point(1, 2, 3):
            return "matched"
    return "no"


def self_matching(subject):
    match subject:
        case bool(b):
            return ("bool", b)
        case int(i) if i > 100:
            return ("big int", i)
        case str(s) | bytes(s):
            return ("text", s)
        case float():
            return "float"
    return "other"


def lazy_attribute(subject):
    match subject:
        case Lazy(41):
            return "41"
        case Lazy(v):
            return ("value", v)


class Missing(dict):
    def __missing__(self, key):
        print("  __missing__ called for", key)
        return "from missing"


class Getter(UserDict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)


def mappings(subject):
    match subject:
        case {"a": 1, **rest}:
            return ("a1", sorted(rest.items()))
        case {"b": b, "c": [*cs]}:
            return ("bc", b, cs)
        case {"z": _}:
            return "has z"
        case {**everything} if len(everything) > 3:
            return ("big", len(everything))
        case {}:
            return "some mapping"
    return "not a mapping"


def duplicate_keys(subject, k1, k2):
    class K:
        A = k1
        B = k2

    match subject:
        case {K.A: a, K.B: b}:
            return (a, b)
    return "no"


def sequences(subject):
    match subject:
        case []:
            return "empty"
        case [x]:
            return ("one", x)
        case [first, *middle, last] if middle:
            return ("star middle", first, middle, last)
        case [first, *_, last]:
            return ("star wildcard", first, last)
    return "other"


def star_wildcard_middle(subject):
    match subject:
        case [a, b, *_, c, d]:
            return (a, b, c, d)
        case [*_, "end"]:
            return "ends"
    return "short"


def not_sequences(subject):
    match subject:
        case [a, b]:
            return ("pair", a, b)
        case [*items]:
            return ("items", items)
    return "not a sequence"


def pairs():
    yield 1
    yield 2


def nested(subject):
    match subject:
        case {"points": [Point(x=x1, y=y1), Point(x=x2, y=y2)], "name": str() as name}:
            return (name, x1 + x2, y1 + y2)
        case {"points": [Point() as p, *others]}:
            return ("first point", p.x, len(others))
    return "no"


def loop(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case int(n) if n < 0:
                out.append("negative")
                continue
            case [("skip" | "stop") as word, *_]:
                out.append("nested " + word)
                if word == "stop":
                    break
            case other:
                out.append(other)
        out.append("|")
    else:
        out.append("exhausted")
    return out


def in_try(subject):
    log = []
    try:
        match subject:
            case [x, y]:
                log.append(("pair", x, y))
                return log
            case {"raise": message}:
                raise ValueError(message)
            case Point(x, y):
                log.append(x / y)
    except ZeroDivisionError as error:
        log.append("caught " + str(error))
    finally:
        log.append("finally")
    return log


def generator(items):
    for item in items:
        match item:
            case (a, b):
                yield a + b
            case {"send": key}:
                received = yield key
                match received:
                    case None:
                        yield "nothing sent"
                    case str(text):
                        yield "sent " + text
            case _:
                yield "?"


def value_patterns(subject):
    match subject:
        case 0 | 0.5 | -1 | 1 + 2j:
            return "number literal"
        case "a" "b":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case sys.maxsize:
            return "maxsize"
    return "no"


def same_name_global(subject):
    global captured
    match subject:
        case [captured, *_]:
            return "global bound"
    return "no"


def subject_reassigned(data):
    match data:
        case [data, *_] if data == 0:
            return ("zero", data)
        case [x, *_]:
            return ("rebound by the first case", data, x)
    return "no"


def refcounts():
    marker = object()
    before = sys.getrefcount(marker)
    for subject in ([marker, 1], {"k": marker}, Point(marker, 2), (marker,), [marker]):
        match subject:
            case [m, 2] | {"k": m, "x": _}:
                pass
            case Point(m, 3):
                pass
            case (3, m) | [_, m]:
                pass
            case _:
                pass
    del subject
    return sys.getrefcount(marker) - before


def yield_in_guard(items):
    for item in items:
        match item:
            case [x, *rest] if (yield ("guard", x)):
                yield ("taken", x, rest)
            case [x, *rest]:
                yield ("second case", x, rest, item)


def captured_cell(subject):
    match subject:
        case {"f": f, "n": n} if (m := n * 2) > 0:
            return lambda: (f, n, m)
        case [n]:
            return lambda: n
    return lambda: "none"


class Private:
    def method(self, subject):
        match subject:
            case [__a, {"k": __b}]:
                return (__a, __b, sorted(k for k in locals() if "__" in k))
        return "no"


def uncaught(subject):
    match subject:
        case {"point": Point(1, 2, 3)}:
            return "never"


report("later_fails", later_fails, [1, 3])
report("later_fails 2", later_fails, [1, 2])
report("or_order 1", or_order, (1, "a", "b"))
report("or_order 2", or_order, (2, "b", "a"))
report("or_order 3", or_order, {"b": "B", "a": "A"})
report("or_order 4", or_order, (3, 1, 2))
report("nested_or 1", nested_or, [2, "y"])
report("nested_or 2", nested_or, [1, ["z"]])
report("nested_or 3", nested_or, [9, 9, 4])
report("nested_or 4", nested_or, [9, 9])
report("guard_raises", guard_raises, ["boom"])
report("guard_raises 2", guard_raises, [""])
report("guard_raises 3", guard_raises, [5])
report("guard_false_keeps", guard_false_keeps, ("new", 3))
report("guard_false_keeps 2", guard_false_keeps, ("new", 30))
report("class origin", class_patterns, Point(0, 0))
report("class x", class_patterns, Point(5, 0))
report("class y", class_patterns, Point(0, 7))
report("class three", class_patterns, Point(1, 1))
report("class other", class_patterns, 3)
report("too_many", too_many_positional, Point(1, 2))
report("too_many non-instance", too_many_positional, "no")
for value in (True, 1000, 5, "s", b"b", 1.5, None):
    report("self_matching " + repr(value), self_matching, value)
report("lazy", lazy_attribute, Lazy())
report("missing a", mappings, Missing(a=1, q=2, r=3))
report("missing z", mappings, Missing(y=1, z=2))
report("missing none", mappings, Missing())
report("getter", mappings, Getter(b=2, c=(3, 4)))
report("mapping big", mappings, {1: 1, 2: 2, 3: 3, 4: 4})
report("mapping small", mappings, {1: 1})
report("mapping list", mappings, [("a", 1)])
report("duplicate", duplicate_keys, {"k": 1, "j": 2}, "k", "k")
report("duplicate short", duplicate_keys, {"k": 1}, "k", "k")
report("duplicate hash", duplicate_keys, {1: 1, 2: 2}, 1, 1.0)
report("distinct", duplicate_keys, {"k": 1, "j": 2}, "k", "j")
report("unhashable", duplicate_keys, {"k": 1, "j": 2}, "k", [])
for value in ([], [1], [1, 2, 3], [1, 2], (1, 2, 3, 4), range(5), "ab", b"ab", bytearray(b"ab")):
    report("sequences " + repr(value), sequences, value)
for value in ([1, 2, 3, 4], [1, 2, 3, 4, 5, 6], ("end",), [1, 2, 3]):
    report("star middle " + repr(value), star_wildcard_middle, value)
for value in (pairs(), "ab", b"ab", bytearray(b"ab"), memoryview(b"ab"), [1, 2], (1, 2, 3), {1: 2}):
    report("not_sequences " + type(value).__name__, not_sequences, value)
report(
    "nested 1",
    nested,
    {"points": [Point(1, 2), Point(3, 4)], "name": "pair"},
)
report("nested 2", nested, {"points": [Point(1, 2), Point(3, 4)], "name": 5})
report("nested 3", nested, {"points": [Point(9, 2)]})
report("loop", loop, ["a", -1, "skip", ["skip", 1], 7, ["stop"], "b"])
report("loop 2", loop, ["a", "stop", "b"])
report("loop 3", loop, ["a"])
report("in_try pair", in_try, (1, 2))
report("in_try raise", in_try, {"raise": "from the case"})
report("in_try zero", in_try, Point(1, 0))
report("in_try half", in_try, Point(1, 2))
report("in_try none", in_try, 5)
gen = generator([(1, 2), {"send": "k"}, {"send": "j"}, 3])
print(next(gen), next(gen), gen.send("hello"), next(gen), next(gen), next(gen))
print(list(generator([(1, 2), (3, 4), "x"])))
for value in (0, 0.0, 0.5, -1, 1 + 2j, "ab", b"raw", None, True, 1, sys.maxsize, False):
    report("value " + repr(value), value_patterns, value)
report("global", same_name_global, ["g", 1])
print("captured =", captured)
report("subject_reassigned", subject_reassigned, [0, 1])
report("subject_reassigned 2", subject_reassigned, [5, 1])
print("refcounts:", refcounts())
guarded = yield_in_guard([[1, 2], [3], "s"])
print(next(guarded), guarded.send(True), next(guarded), guarded.send(0), list(guarded))
print(captured_cell({"f": "F", "n": 2})(), captured_cell([7])(), captured_cell(0)())
print(captured_cell({"f": "F", "n": -1})())
print(Private().method([1, {"k": 2}]))
uncaught({"point": Point(1, 2)})
