# Comprehensions in class bodies and methods: class scope is not visible inside them.
class Config:
    names = ["alpha", "beta", "gamma"]
    upper = [n.upper() for n in names]
    lengths = {n: len(n) for n in names}
    factor = 3
    try:
        scaled = [factor * i for i in range(3)]
    except NameError as e:
        error = f"{type(e).__name__}: {e}"
    first_only = [factor for _ in range(2)] if False else None
    ok = [x * 2 for x in range(factor)]

    def method(self):
        return [n[0] for n in self.names if n != "beta"]

    @classmethod
    def lookup(cls):
        return {n: cls.factor * i for i, n in enumerate(cls.names)}

    @staticmethod
    def static(values):
        return sorted({v % 3 for v in values})


print(Config.upper)
print(Config.lengths)
print(hasattr(Config, "scaled"), Config.error)
print(Config.first_only, Config.ok)
print(Config().method())
print(Config.lookup())
print(Config.static(range(10)))


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]

    def transpose(self):
        return Matrix(zip(*self.rows))

    def __repr__(self):
        return "Matrix(" + ", ".join(str(r) for r in self.rows) + ")"

    def scale(self, k):
        return Matrix([[k * v for v in row] for row in self.rows])

    def __iter__(self):
        return (v for row in self.rows for v in row)


m = Matrix([[1, 2], [3, 4]])
print(m, m.transpose(), m.scale(2))
print(list(m), sum(m))


class Outer:
    base = 10

    class Inner:
        values = [i for i in range(3)]

    combined = [v + 1 for v in Inner.values]


print(Outer.Inner.values, Outer.combined)
