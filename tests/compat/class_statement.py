# The class statement's machinery: __classcell__ propagation, metaclasses returning
# non-classes, __prepare__ with keywords (including **mappings), duplicate or bad class
# keywords, starred bases, non-class bases, docstrings and nonlocal in class bodies.
def t(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as e:
        print(label, "EXC", type(e).__name__, e)
class DropCell(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns)
def make():
    class X(metaclass=DropCell):
        def m(self):
            return __class__
    return X
t("dropped classcell", make)
class Other(type):
    def __new__(mcls, name, bases, ns):
        return 42
def make2():
    class Y(metaclass=Other):
        def m(self):
            return super()
    return Y
t("meta returns int", make2)
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"from_prepare": kw}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class Z(metaclass=Prep, a=1, **{"b": 2}):
    pass
t("prepare kw", lambda: Z.from_prepare)
t("class kw dup", lambda: exec("class W(metaclass=Prep, a=1, **{'a': 2}): pass"))
def dup():
    class W(metaclass=Prep, a=1, **{"a": 2}):
        pass
t("class kw dup compiled", dup)
def star_bases():
    bases = (dict,)
    class V(*bases, list.__class__.__mro__[-1]):
        pass
    return V.__mro__
t("star bases", star_bases)
def bad_base():
    class U(1, 2):
        pass
t("bad bases", bad_base)
t("class doc", lambda: (type("D", (), {}).__doc__, Z.__doc__))
class Docd:
    "doc string"
    x: int = 1
t("docd", lambda: (Docd.__doc__, Docd.__annotations__, Docd.__module__, Docd.__qualname__))
def closure_class():
    v = 1
    class K:
        nonlocal v
        v = 2
    return v
t("nonlocal in class", closure_class)
def kw_not_mapping():
    class A(**1):
        pass
t("kw not mapping", kw_not_mapping)
def star_not_iterable():
    class A(*1):
        pass
t("star not iterable", star_not_iterable)
def kw_not_str():
    class A(**{1: 2}):
        pass
t("kw not str", kw_not_str)
