# Generators as methods, properties, class/static methods, and __iter__ generators.
class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def evens(self):
        return (n for n in self if n % 2 == 0)

    @classmethod
    def series(cls, *starts):
        for s in starts:
            yield from cls(s)

    @staticmethod
    def pairs(seq):
        it = iter(seq)
        for a in it:
            yield a, next(it, None)

    @property
    def doubled(self):
        for n in self:
            yield n * 2


c = Countdown(5)
print(list(c), list(c))
print(list(c.evens()))
print(list(Countdown.series(2, 3)))
print(list(Countdown.pairs("abcde")))
print(list(c.doubled))
print(c.__iter__.__qualname__, type(iter(c)).__name__)
gen = c.__iter__()
print(gen.__name__, gen.__qualname__)


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def walk(self, depth=0):
        yield depth, self.value
        for child in self.children:
            yield from child.walk(depth + 1)


t = Tree("root", Tree("a", Tree("a1")), Tree("b"))
for depth, value in t.walk():
    print("  " * depth + value)


class Base:
    def items(self):
        yield "base"


class Derived(Base):
    def items(self):
        yield "derived"
        yield from super().items()


print(list(Derived().items()))


class Bad:
    def __iter__(self):
        yield 1
        raise LookupError("mid-iteration")


try:
    for x in Bad():
        print("got", x)
except LookupError as e:
    print(type(e).__name__, e)
