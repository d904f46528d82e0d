# classmethod and staticmethod: calls through class and instance, inheritance
# (cls is the subclass), alternative constructors, and descriptors' __func__.
class Date:
    count = 0
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        type(self).count += 1
    @classmethod
    def from_string(cls, text):
        return cls(*map(int, text.split("-")))
    @classmethod
    def describe(cls):
        return f"{cls.__name__} with count {cls.count}"
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class Birthday(Date):
    count = 0
d = Date.from_string("2024-02-29")
b = Birthday.from_string("2000-01-01")
print(d, b, Date.count, Birthday.count, Date.describe(), b.describe())
print(Date.is_leap(2000), d.is_leap(1900), Birthday.is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(Date.from_string.__self__ is Date, b.from_string.__self__ is Birthday, Date.is_leap.__name__)
print(Date.__dict__["is_leap"].__func__(2023), Date.__dict__["describe"].__func__(Birthday))
class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items = cls.items + [item]
        return cls
class Sub(Registry):
    pass
Sub.register("x").register("y")
Registry.register("base")
print(Registry.items, Sub.items)
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Late:
    size = sm
    name = cm
print(Late.size([1, 2]), Late().name(), Late.name())
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("static missing", lambda: Date.is_leap())
attempt("class extra", lambda: Date.describe(1))
attempt("from_string bad", lambda: Date.from_string("2024-02"))
attempt("not callable", lambda: staticmethod(5)())
print(isinstance(Date.__dict__["describe"], classmethod), callable(Date.__dict__["is_leap"]))
