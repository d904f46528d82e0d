# super(): zero-argument and two-argument forms, in __init__, ordinary methods,
# classmethods, properties, cooperative multiple inheritance, and its errors.
class Base:
    def __init__(self, name):
        self.name = name
        self.trail = ["Base"]
    def greet(self):
        return f"Base greets {self.name}"
    @classmethod
    def create(cls, name):
        return cls(name)
    @property
    def label(self):
        return "base-label"
class Child(Base):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        self.trail.append("Child")
    def greet(self):
        return super().greet() + f" (age {self.age})"
    @classmethod
    def create(cls, name):
        obj = super().create(name)
        obj.trail.append("create")
        return obj
    @property
    def label(self):
        return "child/" + super().label
c = Child("ann", 7)
print(c.greet(), c.trail, c.label, Child.create.__self__.__name__)
print(super(Child, c).greet(), super(Child, c).label, type(super(Child, c)).__name__)
class A:
    def go(self):
        return ["A"]
class B(A):
    def go(self):
        return ["B"] + super().go()
class C(A):
    def go(self):
        return ["C"] + super().go()
class D(B, C):
    def go(self):
        return ["D"] + super().go()
print(D().go(), super(B, D()).go(), super(C, D()).go())
class Mixin:
    def __init__(self, *args, **kwargs):
        self.mixed = True
        super().__init__(*args, **kwargs)
class Model(Mixin, Base):
    pass
m = Model("model")
print(m.mixed, m.name, m.trail)
class WithClassMethod(Base):
    @classmethod
    def make(cls):
        return super().create("made")
made = WithClassMethod.make()
print(type(made).__name__, made.name)
def outside():
    return super()
try:
    outside()
except RuntimeError as error:
    print("RuntimeError:", error)
class Static:
    @staticmethod
    def s():
        return super().__init__
try:
    Static.s()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    super(Child, Base("b")).greet()
except TypeError as error:
    print("TypeError:", error)
try:
    super(Child, c).nonexistent
except AttributeError as error:
    print("AttributeError:", error)
class Inner:
    def method(self):
        def nested():
            return super(Inner, self).__repr__ is not None
        return nested(), (lambda: __class__.__name__)()
print(Inner().method())
class ShadowSuper(Base):
    def greet(self):
        super = lambda: "shadowed"
        return super()
print(ShadowSuper("s").greet())
class GenSuper(Base):
    def items(self):
        yield super().greet()
        yield __class__.__name__
print(list(GenSuper("g").items()))
def varargs_only(*args):
    return super()
class DeletesSelf(Base):
    def greet(self):
        del self
        return super().greet()
for label, thunk in (("varargs", lambda: varargs_only(1)), ("deleted self", lambda: DeletesSelf("d").greet()),
                     ("module level", lambda: eval("super()"))):
    try:
        thunk()
    except RuntimeError as error:
        print(label, "RuntimeError:", error)
