# is / is not and in / not in: identity of singletons and shared objects, membership
# that checks identity before equality (nan), __contains__, __iter__ and __getitem__
# fallbacks, dict/set membership by hash, and errors for unhashable or non-container.
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan], nan in {nan}, float("nan") in [nan])
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None, type(None)() is None, ... is Ellipsis)
print(True is (1 == 1), (not 0) is True, 1 in [1.0], 1.0 in {1}, "a" in {"a": 1})
print("ell" in "hello", "" in "abc", b"e" in b"hello", [1] in [[1], 2], (1, 2) in {(1, 2): "t"})
print(2 in range(0, 10, 2), 3 in range(0, 10, 2), 10 ** 20 in range(10 ** 21), -1 in range(5))
print(1 not in [2], not 1 in [2], "k" not in {"k": 0}, 5 in iter([4, 5, 6]))
class Always:
    def __eq__(self, other):
        return True
    __hash__ = None
print(Always() in [1], 1 in [Always()], [Always()].count(0), [0, Always()].index(Always()))
class Contains:
    def __contains__(self, item):
        return item % 2 == 0
    def __iter__(self):
        raise AssertionError("not used when __contains__ exists")
print(4 in Contains(), 3 in Contains(), 3 not in Contains())
class Truthy:
    def __contains__(self, item):
        return "yes"
print(1 in Truthy(), type(1 in Truthy()).__name__)
class IterOnly:
    def __iter__(self):
        yield from (1, 2, 3)
class GetItemOnly:
    def __getitem__(self, i):
        if i > 5:
            raise IndexError
        return i * 10
print(2 in IterOnly(), 9 in IterOnly(), 30 in GetItemOnly(), 35 in GetItemOnly())
it = iter([1, 2, 3, 4])
print(2 in it, list(it))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("int container", lambda: 1 in 5)
attempt("None container", lambda: 1 in None)
attempt("unhashable in set", lambda: [1] in {1, 2})
attempt("unhashable in dict", lambda: {} in {"a": 1})
attempt("non-str in str", lambda: 1 in "abc")
attempt("str in bytes", lambda: "a" in b"abc")
class Raises:
    def __contains__(self, item):
        raise TypeError(f"cannot check {item!r}")
attempt("raising contains", lambda: "x" in Raises())
x = 300
y = x
print(x is y, id(x) == id(y), isinstance(x is y, bool))
