# Container protocol: __len__, __getitem__ (ints, slices, keys), __setitem__,
# __delitem__, __iter__, __reversed__, __contains__, __missing__ on dict subclasses,
# and how builtins (len, in, iter, reversed, bool, list) use them, with errors.
class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return Deck(self.cards[index])
        return self.cards[index]
    def __setitem__(self, index, value):
        self.cards[index] = value
    def __delitem__(self, index):
        del self.cards[index]
    def __repr__(self):
        return f"Deck({self.cards})"
d = Deck("ABCDE")
print(len(d), d[0], d[-1], d[1:3], d[::-2], list(d), "C" in d, "Z" in d, bool(Deck([])))
d[0] = "a"
del d[1]
print(d, list(reversed(d)), sorted(d, reverse=True), max(d), "".join(d))
it = iter(d)
print(next(it), next(it), list(it))
class Range3:
    def __iter__(self):
        return iter([1, 2, 3])
    def __contains__(self, item):
        print("contains called with", item)
        return item == 2
    def __reversed__(self):
        return iter(["r3", "r2", "r1"])
r = Range3()
print(2 in r, 5 in r, 5 not in r, list(r), list(reversed(r)))
class Defaulting(dict):
    def __missing__(self, key):
        value = f"<{key}>"
        self[key] = value
        return value
dd = Defaulting(a=1)
print(dd["a"], dd["b"], dd, dd.get("c"), "c" in dd)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        row, col = key
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
g = Grid()
g[1, 2] = "X"
g[0, 0] = "O"
print(g[1, 2], g[0, 0], g[2, 2], sorted(g.cells))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (IndexError, KeyError, TypeError, ValueError, OverflowError) as error:
        print(label, "->", type(error).__name__, error)
attempt("index out of range", lambda: d[10])
attempt("grid bad key", lambda: g[5])
class NoLen:
    pass
attempt("len", lambda: len(NoLen()))
attempt("getitem", lambda: NoLen()[0])
attempt("in", lambda: 1 in NoLen())
attempt("iter", lambda: iter(NoLen()))
attempt("reversed", lambda: reversed(NoLen()))
class BadLen:
    def __len__(self):
        return "three"
attempt("bad len", lambda: len(BadLen()))
class NegLen:
    def __len__(self):
        return -1
attempt("neg len", lambda: len(NegLen()))
class HugeLen:
    def __len__(self):
        return 2 ** 70
attempt("huge len", lambda: len(HugeLen()))
class ReadOnlySeq:
    def __getitem__(self, i):
        return i
def assign():
    s = ReadOnlySeq()
    s[0] = 1
def delete():
    s = ReadOnlySeq()
    del s[0]
attempt("no setitem", assign)
attempt("no delitem", delete)
