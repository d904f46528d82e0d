# match: sequence patterns, with and without star, and what counts as a sequence.
import array
import collections
import collections.abc


def shape(value):
    match value:
        case []:
            return "empty"
        case [x]:
            return f"one: {x!r}"
        case [x, y]:
            return f"two: {x!r} {y!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first!r} {middle!r} {last!r}"
        case (a, b, c):
            return f"three: {a!r} {b!r} {c!r}"
        case [_, _, _, *rest]:
            return f"three and rest {rest!r}"
        case _:
            return "not a sequence"


for value in [[], [1], (1, 2), [1, 2, 3], range(3), [1, 2, 3, 4], list(range(7)), "ab", b"ab",
              bytearray(b"ab"), {1: 2}, {1, 2}, 5, collections.deque([7, 8]), array.array("i", [1, 2]),
              memoryview(b"xy"), (i for i in range(2))]:
    text = repr(value) if not isinstance(value, (memoryview, type(i for i in ()))) else type(value).__name__
    print(text[:40], "->", shape(value))

# Nested patterns.
def nested(value):
    match value:
        case [[x, y], [z, *_]]:
            return f"nested {x} {y} {z}"
        case [(1 | 2) as small, *others]:
            return f"small first {small} then {others}"
        case [*_, [*inner]]:
            return f"last is a sequence {inner}"
        case _:
            return "no"


for value in [[[1, 2], [3, 4, 5]], [1, 9, 8], [2], [0, [5, 6]], [0, "ab"], []]:
    print(value, "->", nested(value))

# Star captures are lists, whatever the subject's type.
match (1, 2, 3, 4):
    case (1, *rest):
        print("rest", rest, type(rest).__name__)
match range(5):
    case [*all_items]:
        print("all", all_items)
match "abc":
    case [*chars]:
        print("str matched", chars)
    case _:
        print("str is not a sequence pattern subject")


# A Sequence registered with collections.abc.
class Logged:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        print("  len")
        return len(self.items)

    def __getitem__(self, index):
        print("  getitem", index)
        return self.items[index]


collections.abc.Sequence.register(Logged)
match Logged([1, 2, 3, 4, 5]):
    case [a, *_, b]:
        print("ends", a, b)
match Logged([1, 2, 3]):
    case [a, *rest]:
        print("starred", a, rest)
match Logged([1, 2]):
    case [_, _]:
        print("two wildcards")
match Logged([1, 2]):
    case [a, b, c]:
        print("three")
    case [a, b]:
        print("two", a, b)


class NotRegistered:
    def __len__(self):
        return 1

    def __getitem__(self, index):
        return 1


match NotRegistered():
    case [x]:
        print("matched unregistered")
    case _:
        print("unregistered class is not a sequence")


# Names are bound only when the whole case matches.
def bind_check():
    match [1, 2, "x"]:
        case [a, b, int()]:
            print("unexpected")
        case _:
            pass
    try:
        print(a)
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)


bind_check()
