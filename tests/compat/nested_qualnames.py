# __qualname__ and __name__ of nested classes, methods, functions inside functions,
# lambdas, comprehensions' functions, and reprs that show them; __module__ too.
class Outer:
    class Middle:
        class Inner:
            def method(self):
                def local():
                    return local
                return local
        def make(self):
            class InMethod:
                def m(self):
                    pass
            return InMethod
    def gen(self):
        yield lambda: None
    attr = [lambda: 0 for _ in range(1)][0]
def function():
    class LocalClass:
        def method(self):
            pass
    def inner():
        def innermost():
            pass
        return innermost
    return LocalClass, inner(), lambda: None
print(Outer.__qualname__, Outer.Middle.__qualname__, Outer.Middle.Inner.__qualname__)
print(Outer.Middle.Inner.method.__qualname__, Outer.Middle.Inner().method().__qualname__)
InMethod = Outer.Middle().make()
print(InMethod.__qualname__, InMethod.m.__qualname__, InMethod.__name__)
print(next(Outer().gen()).__qualname__, Outer.gen.__qualname__, Outer().gen().__qualname__, Outer.attr.__qualname__)
LocalClass, innermost, lam = function()
print(LocalClass.__qualname__, LocalClass.method.__qualname__, innermost.__qualname__, lam.__qualname__)
print(Outer.Middle.__module__, LocalClass.__module__, function.__module__, innermost.__module__)
print(repr(Outer.Middle.Inner)[:40], str(LocalClass))
gen = (x for x in range(1))
print(gen.__qualname__, gen.__name__, type(gen).__name__)
def with_comprehensions():
    return [(lambda: 0).__qualname__ for _ in range(1)][0], {k: (lambda: 0).__qualname__ for k in "a"}["a"]
print(with_comprehensions())
class Deco:
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
    @property
    def p(self):
        pass
print(Deco.s.__qualname__, Deco.c.__qualname__, Deco.p.fget.__qualname__)
try:
    Outer.Middle.Inner().method(1)
except TypeError as error:
    print("TypeError:", error)
try:
    innermost(1)
except TypeError as error:
    print("TypeError:", error)
Outer.Middle.__qualname__ = "Renamed"
print(Outer.Middle.__qualname__, Outer.Middle.__name__, repr(Outer.Middle)[-12:])
try:
    Outer.__qualname__ = 5
except TypeError as error:
    print("TypeError:", error)
