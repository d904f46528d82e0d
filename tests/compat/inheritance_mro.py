# Inheritance: method resolution order with multiple inheritance (diamonds), overriding,
# attribute lookup through bases, __bases__/__mro__, and inconsistent MROs.
class A:
    def who(self):
        return "A"
    def hello(self):
        return f"hello from {self.who()}"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
    def only_c(self):
        return "only C"
class D(B, C):
    pass
print([k.__name__ for k in D.__mro__], D().who(), D().hello(), D().only_c())
print([k.__name__ for k in D.mro()], D.__bases__ == (B, C), B.__base__.__name__)
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y, X): pass
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])
try:
    class Bad(Z, W):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    class Dup(A, A):
        pass
except TypeError as error:
    print("TypeError:", error)
try:
    class Order(A, B):
        pass
except TypeError as error:
    print("TypeError:", error)
class K1: pass
class K2: pass
class K3: pass
class M1(K1, K2): pass
class M2(K2, K3): pass
class Final(M1, M2): pass
print([k.__name__ for k in Final.__mro__])
class Animal:
    sound = "..."
    legs = 4
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Bird(Animal):
    sound = "tweet"
    legs = 2
class Puppy(Dog):
    pass
for animal in (Animal(), Dog(), Bird(), Puppy()):
    print(animal.speak(), animal.legs)
Animal.sound = "generic"
print(Animal().speak(), Puppy().speak())
del Dog.sound
print(Puppy().speak())
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), Puppy.__subclasses__(), len(Animal.__subclasses__()))
try:
    class FromInt(5):
        pass
except TypeError as error:
    print("TypeError:", error)
class FromBuiltin(list):
    def total(self):
        return sum(self)
fb = FromBuiltin([1, 2, 3])
fb.append(4)
print(fb, fb.total(), type(fb).__name__, len(fb), fb[1:])
