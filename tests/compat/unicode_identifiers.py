# Non-ASCII identifiers: variables, functions, classes, attributes, keyword arguments
# and parameters, NFKC-normalised spellings, and names in error messages.
café = "coffee"
π = 3.14159
def größe(länge, *, breite=2):
    return länge * breite
class Ünïcode:
    ζ = "zeta"
    def méthode(self, 值):
        return f"{type(self).__name__}.{self.ζ}={值}"
print(café, π, größe(3), größe(länge=4, breite=5), Ünïcode().méthode("v"), Ünïcode.__qualname__)
print(größe.__name__, größe.__code__.co_varnames, Ünïcode.méthode.__qualname__, sorted(vars(Ünïcode().__class__))[-2:])
ﬁle = "ligature fi"
print(file, "file" in globals(), "ﬁle" in globals())
ℌ = "script H"
print(H)
𝐱 = 10
print(x + 1)
obj = Ünïcode()
obj.名前 = "name"
print(obj.名前, getattr(obj, "名前"), sorted(vars(obj)))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, NameError, AttributeError) as error:
        print(label, "->", type(error).__name__, error)
attempt("missing param", lambda: größe())
attempt("bad keyword", lambda: größe(1, höhe=2))
attempt("unknown name", lambda: ñame)
attempt("unknown attr", lambda: obj.属性)
λ = lambda α, β=2: α ** β
print(λ(3), λ.__code__.co_varnames, λ.__defaults__)
_private_ñ = 1
class Mangle:
    __ñ = "mangled"
    def get(self):
        return self.__ñ
print(Mangle().get(), [k for k in vars(Mangle) if "ñ" in k])
