# hash of numbers/tuples/frozensets, unhashable errors; isinstance/issubclass with tuples and ABCs.
import collections.abc

print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
print(hash(-1), hash(0), hash(2**61 - 1), hash(2**61), hash(-2), hash(1.5), hash(float("inf")))
print(hash((1, (2, 3))) == hash((1, (2, 3))), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash(()) == hash(()), hash(None) == hash(None), {(1, 2): "tuple key"}[(1, 2)])
for bad in ([1], {"a": 1}, {1}, (1, [2]), bytearray(b"x")):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {[1]: 1}
except TypeError as e:
    print(type(e).__name__, e)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


class NoHash:
    def __eq__(self, other):
        return True


print(len({Key(1), Key(1), Key(2)}), Key(3) in {Key(3)}, NoHash.__hash__)
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)

print(isinstance(3, (str, int)), isinstance(3.0, (int, (str, float))), isinstance("s", ()), isinstance(None, type(None)))
print(isinstance(True, int), issubclass(bool, (str, int)), issubclass(int, object), issubclass(KeyError, LookupError))
print(isinstance([], collections.abc.Sequence), isinstance({}, collections.abc.Mapping), isinstance((x for x in []), collections.abc.Iterator))
print(isinstance(len, collections.abc.Callable), issubclass(list, collections.abc.MutableSequence), isinstance(3, collections.abc.Hashable))
print(isinstance(1, int | str), issubclass(int, int | None))
for bad in (lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: isinstance(1, (int, "x")), lambda: issubclass(int, [int])):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"


class Magic(metaclass=Meta):
    pass


print(isinstance("magic", Magic), isinstance("plain", Magic), type(Magic).__name__)
print(type(3) is int, type(True).__mro__, type(type), type(None).__name__)
