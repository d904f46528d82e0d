# Iterator protocol classes: __iter__/__next__, iterables vs iterators, iter(callable, sentinel).
class Range2:
    def __init__(self, stop):
        self.stop = stop

    def __iter__(self):
        return Range2Iterator(self.stop)


class Range2Iterator:
    def __init__(self, stop):
        self.i = 0
        self.stop = stop

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.stop:
            raise StopIteration
        self.i += 1
        return self.i - 1


r = Range2(4)
print(list(r), list(r), sum(r), 2 in r, 9 in r)
it = iter(r)
print(next(it), next(it), list(it), list(it))
a, b, *rest = Range2(5)
print(a, b, rest)
print(dict(zip(Range2(3), "abc")))


class Sequence:
    def __getitem__(self, index):
        if index >= 3:
            raise IndexError(index)
        return index * 11


print(list(Sequence()), 22 in Sequence())


class NotIterable:
    pass


try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)

try:
    for _ in NotIterable():
        pass
except TypeError as e:
    print(type(e).__name__, e)


class BadIter:
    def __iter__(self):
        return 42


try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)

try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)

values = [5, 4, 3, 0, 2]
pos = iter(values)
print(list(iter(lambda: next(pos), 0)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("spent")
        self.n -= 1
        return self.n


c = Countdown(3)
for v in c:
    print("v", v)
print(next(c, "spent-default"))
print(list(reversed([1, 2, 3])), list(enumerate(Countdown(2), start=1)))
