# match: literal patterns (== comparison), singletons (identity), value patterns.
import enum


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Limits:
    LOW = 10
    HIGH = 100


class Loud:
    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        print(f"  Loud.__eq__({self.value!r}, {other!r})")
        return self.value == other


def literal(value):
    match value:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case 1 + 2j:
            return "complex"
        case -3 - 4j:
            return "negative complex"
        case "text":
            return "str text"
        case b"bytes":
            return "bytes"
        case "con" "cat":
            return "concatenated"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "red"
        case Limits.LOW:
            return "low"
        case Limits.HIGH:
            return "high"
        case _:
            return "no literal"


for value in [0, 0.0, -1, 2.5, 1 + 2j, -3 - 4j, "text", b"bytes", "concat", None, True, False,
              1, Color.RED, Color.GREEN, 10, 100.0, "0", [], Loud(0), Loud(99)]:
    print(repr(value) if not isinstance(value, Loud) else f"Loud({value.value})", "->", literal(value))

# 1 == True, but True is matched by identity only.
def singleton(value):
    match value:
        case True:
            return "is True"
        case 1:
            return "== 1"
        case _:
            return "neither"

print([singleton(v) for v in [True, 1, 1.0, False, 0]])

# NaN never equals itself; the subject is compared on the left.
nan = float("nan")

class Box:
    NAN = nan

match nan:
    case Box.NAN:
        print("nan matched")
    case _:
        print("nan did not match")

# A subject evaluated once.
def subject():
    print("evaluating subject")
    return 3

match subject():
    case 1:
        print("one")
    case 2:
        print("two")
    case 3:
        print("three")

# No case matches: nothing happens.
match "nothing":
    case "something":
        print("unreachable")
print("after no match")

# Module-level capture and wildcard.
match 42:
    case answer:
        print("captured", answer)
print("answer is", answer)
