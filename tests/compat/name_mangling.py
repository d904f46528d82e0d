# Private name mangling: __names in class bodies become _Class__name for attributes,
# methods, globals and imports used inside the class; dunder names and leading
# underscores in the class name are handled as CPython does.
class Account:
    __rate = 0.05
    def __init__(self, balance):
        self.__balance = balance
    def __apply(self):
        return self.__balance * (1 + self.__rate)
    def projected(self):
        return self.__apply()
    def __repr__(self):
        return f"Account({self.__balance})"
a = Account(100)
print(a.projected(), a, sorted(k for k in vars(a)), "_Account__apply" in Account.__dict__)
print(a._Account__balance, Account._Account__rate)
try:
    a.__balance
except AttributeError as error:
    print("AttributeError:", error)
class Savings(Account):
    __rate = 0.5
    def rate(self):
        return self.__rate, self._Account__rate
print(Savings(1).rate(), Savings(10).projected())
class _Leading:
    def __init__(self):
        self.__x = 1
print(sorted(vars(_Leading())))
class __Dunder__:
    def __init__(self):
        self.__y = 2
print(sorted(vars(__Dunder__())))
class ___:
    def __init__(self):
        self.__z = 3
print(sorted(vars(___())))
__module_level = "module private"
class ReadsGlobal:
    def get(self):
        try:
            return __module_level
        except NameError as error:
            return f"NameError: {error}"
print(ReadsGlobal().get())
_ReadsGlobal2__hidden = "found via mangled global"
class ReadsGlobal2:
    def get(self):
        return __hidden
print(ReadsGlobal2().get())
class Names:
    def method(self, __arg):
        return __arg
    def kwonly(self, *, __key=1):
        return __key
print(Names().method(5), Names.method.__code__.co_varnames, Names().kwonly(_Names__key=7))
class Attrs:
    def set(self):
        setattr(self, "__plain", 1)
        self.__mangled = 2
        return sorted(vars(self)), getattr(self, "__plain"), hasattr(self, "__mangled")
print(Attrs().set())
class Outer:
    class __Inner:
        value = "inner"
    def get(self):
        return self.__Inner.value
print(Outer().get(), hasattr(Outer, "_Outer__Inner"))
class LambdaMangle:
    __v = "lambda sees mangled"
    get = lambda self: self.__v
    listing = [n for n in ("__a",)]
print(LambdaMangle().get(), LambdaMangle.listing)
