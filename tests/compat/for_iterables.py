# for loops over many iterables: sequences, dicts and views, sets (sorted), files of
# lines, generators, iterators, classes with __iter__ or only __getitem__, and errors.
for ch in "abc":
    print(ch, end=" ")
print()
d = {"one": 1, "two": 2, "three": 3}
for k in d:
    print(k, end=" ")
for k, v in d.items():
    print(f"{k}={v}", end=" ")
for v in d.values():
    print(v, end=" ")
print()
for x in sorted({3, 1, 2}):
    print(x, end=" ")
for i, (a, b) in enumerate(zip("xyz", range(10, 13)), start=1):
    print(i, a, b, end="; ")
print()
for n in reversed(range(0, 10, 3)):
    print(n, end=" ")
for item in map(str.upper, ["p", "q"]):
    print(item, end=" ")
for item in filter(None, [0, 1, "", "s", None]):
    print(repr(item), end=" ")
print()
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
class Squares:
    def __getitem__(self, index):
        if index >= 4:
            raise IndexError(index)
        return index * index
class Manual:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i * 10
print(list(Countdown(3)), [x for x in Squares()], list(Manual()), 9 in Squares(), 2 in Squares())
it = iter([1, 2, 3, 4])
for x in it:
    print("first", x, "then", next(it))
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print(x, end=" ")
print()
for x in b"AB":
    print(x, end=" ")
for x in range(3, 0, -1):
    print(x, end=" ")
print()
class NotIterable:
    pass
class BadIter:
    def __iter__(self):
        return 5
class RaisesInNext:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("from next")
for obj in (5, None, NotIterable(), BadIter(), RaisesInNext()):
    try:
        for x in obj:
            print("never")
    except (TypeError, KeyError) as error:
        print(type(error).__name__, error)
try:
    for k in d:
        d["four"] = 4
except RuntimeError as error:
    print("RuntimeError:", error)
