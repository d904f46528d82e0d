# match: or-patterns, as-patterns, guards, and match inside functions, loops,
# generators, closures and class bodies.
def classify(value):
    match value:
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case [1, x] | [x, 1]:
            return f"pair with one and {x}"
        case {"a": x} | {"b": x}:
            return f"key a or b: {x}"
        case (str() | bytes()) as text if len(text) > 3:
            return f"long text {text!r}"
        case str() | bytes():
            return "short text"
        case [(int() | float()) as number, *_] as whole:
            return f"number {number} first in {whole}"
        case _:
            return "other"


for value in [2, [1, 5], [7, 1], {"b": 3}, "hello", b"hi", [2.5, "x"], None]:
    print(value, "->", classify(value))


# Guards run after binding; names stay bound when the guard is false.
def guard_trace(value):
    def check(name, result):
        print(f"  guard {name} -> {result}")
        return result

    match value:
        case [x, y] if check("first", x > y):
            print("descending", x, y)
        case [x, y] if check("second", x == y):
            print("equal", x, y)
        case [x, *_]:
            print("fallback, x =", x)
    return x


print(guard_trace([3, 1]))
print(guard_trace([2, 2]))
print(guard_trace([1, 2]))


# Matching in a loop with break and continue, and return from a case.
def first_string(values):
    for value in values:
        match value:
            case int():
                continue
            case str() as found:
                return found
            case None:
                break
    return "none found"


print(first_string([1, 2, "three", 4]))
print(first_string([1, None, "late"]))


# Captures inside closures and generators.
def make_getter(value):
    match value:
        case {"name": name}:
            return lambda: name
    return lambda: "anonymous"


print(make_getter({"name": "kiln"})(), make_getter({})())


def tokens(items):
    for item in items:
        match item:
            case (kind, text):
                yield f"{kind}:{text}"
            case str(text):
                yield text


print(list(tokens([("num", "1"), "plus", ("num", "2")])))


class Config:
    match {"debug": True}:
        case {"debug": debug}:
            mode = "debug" if debug else "release"


print(Config.mode, Config.debug)

# The walrus in a guard and nested matches.
for data in [[1, [2, 3]], [1, [2]], ["x"]]:
    match data:
        case [a, [b, *more]] if (total := a + b + len(more)) > 3:
            print("big", total)
        case [a, inner]:
            match inner:
                case [only]:
                    print("inner single", a, only)
                case _:
                    print("inner other", a, inner)
        case _:
            print("no match for", data)
