# match: CPython's errors from patterns, and a traceback through a case.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class NotStrings:
    __match_args__ = (1,)


class Twice:
    __match_args__ = ("a",)
    a = 1


class BrokenEq:
    def __eq__(self, other):
        raise ValueError("no comparing")


class BrokenLen(list):
    def __len__(self):
        raise RuntimeError("no length")


class Keys:
    A = "k"
    B = "k"


not_a_class = len


def attempt(label, function):
    try:
        print(label, "->", function())
    except Exception as error:
        print(label, "->", type(error).__name__ + ":", error)


def call_non_class():
    match 1:
        case not_a_class():
            return "matched"


def too_many():
    match NoArgs():
        case NoArgs(1):
            return "matched"


def too_many_builtin():
    match 1:
        case int(1, 2):
            return "matched"


def bad_match_args():
    match BadArgs():
        case BadArgs(1):
            return "matched"


def not_strings():
    match NotStrings():
        case NotStrings(1):
            return "matched"


def twice():
    match Twice():
        case Twice(1, a=1):
            return "matched"


def broken_eq():
    match BrokenEq():
        case 1:
            return "matched"


def broken_len():
    match BrokenLen([1]):
        case [x]:
            return x


def duplicate_key():
    match {"k": 1, "j": 2}:
        case {Keys.A: 1, Keys.B: 2}:
            return "matched"


def unhashable_key():
    class K:
        key = []
    match {"k": 1}:
        case {K.key: 1}:
            return "matched"


attempt("call non-class", call_non_class)
attempt("too many positional", too_many)
attempt("too many for int", too_many_builtin)
attempt("__match_args__ list", bad_match_args)
attempt("__match_args__ not strings", not_strings)
attempt("attribute twice", twice)
attempt("__eq__ raises", broken_eq)
attempt("__len__ raises", broken_len)
attempt("duplicate key", duplicate_key)
attempt("unhashable key", unhashable_key)


def outer(value):
    match value:
        case [x, y]:
            return x / y
        case NoArgs(1, 2):
            return "no"


print(outer([1, 2]))
outer([1, 0]) if False else None
outer(NoArgs())
