# Comprehensions in methods: self, __class__ and super() from inside, names of enclosing scopes.
class Base:
    def values(self):
        return [1, 2, 3]

    def label(self, v):
        return f"base{v}"


class Child(Base):
    scale = 10

    def __init__(self, offset):
        self.offset = offset

    def scaled(self):
        return [v * self.scale + self.offset for v in self.values()]

    def labels(self):
        return {v: super().label(v) for v in self.values()}

    def with_class(self):
        return [__class__.__name__ for _ in range(2)]

    def nested(self):
        factor = self.offset
        return [[i * factor for i in range(n)] for n in self.values()]

    def generator(self):
        return (self.label(v) for v in self.values() if v != 2)

    def label(self, v):
        return f"child{v}"

    @classmethod
    def from_all(cls, offsets):
        return [cls(o).scaled() for o in offsets]

    @staticmethod
    def pairs(n):
        return {(i, j) for i in range(n) for j in range(i)}


c = Child(5)
print(c.scaled(), c.with_class())
try:
    c.labels()
except TypeError as e:
    print("super() in a comprehension:", type(e).__name__, e)
print(c.nested(), list(c.generator()))
print(Child.from_all([0, 1]), sorted(Child.pairs(3)))


class Counter:
    def __init__(self):
        self.count = 0

    def bump_all(self, items):
        return [self._bump(item) for item in items]

    def _bump(self, item):
        self.count += 1
        return (item, self.count)


counter = Counter()
print(counter.bump_all("abc"), counter.count)


def outer():
    secret = "closure"

    class Local:
        def reveal(self):
            return [secret + str(i) for i in range(2)]

    return Local().reveal()


print(outer())
