# Class-body scoping: class variables are not visible inside methods or nested
# functions, comprehensions in class bodies see only their first iterable from the
# class, class bodies read enclosing function variables, and names shadowing globals.
x = "global x"
class Scope:
    x = "class x"
    y = x + " (read in body)"
    def method(self):
        return x
    def method_via_self(self):
        return self.x
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    factor = 10
    try:
        scaled = [v * factor for v in values]
    except NameError as error:
        scaled = f"NameError: {error}"
    pairs = [(a, b) for a in values for b in "ab" if a < 2]
    lookup = {k: len(k) for k in ("one", "three")}
    gen_first = list(v for v in values)
    lam = lambda self: x
print(Scope.y, Scope().method(), Scope().method_via_self(), Scope.doubled, Scope.scaled)
print(Scope.pairs, Scope.lookup, Scope.gen_first, Scope().lam())
def factory(param):
    local = "function local"
    class Inner:
        attr = param
        seen = local
        def get(self):
            return local, param
        local_shadow = "class level"
        def shadow(self):
            return local_shadow
    return Inner
K = factory("p")
print(K.attr, K.seen, K().get())
try:
    K().shadow()
except NameError as error:
    print("NameError:", error)
def rebinding():
    value = "outer"
    class C:
        value = "class"
        read = value
        def m(self):
            return value
    return C.read, C().m()
print(rebinding())
class Counter:
    count = 0
    count += 1
    count = count * 10
    names = [n for n in dir() if not n.startswith("__")]
print(Counter.count, Counter.names)
class Outer:
    name = "outer"
    class Nested:
        try:
            copied = name
        except NameError as error:
            copied = f"NameError: {error}"
print(Outer.Nested.copied)
def class_with_global_decl():
    class G:
        global x
        x = "rebound by class"
    return G
class_with_global_decl()
print(x)
class UsesLocals:
    a = 1
    b = 2
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(UsesLocals.snapshot)
