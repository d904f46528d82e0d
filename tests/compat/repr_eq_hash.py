# __repr__, __str__, __format__, __eq__/__ne__, __hash__ (and __hash__ = None when
# __eq__ is defined), rich comparisons with NotImplemented and reflection, sorting.
class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount, self.currency = amount, currency
    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"
    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return (self.amount, self.currency) == (other.amount, other.currency)
    def __hash__(self):
        return hash((self.amount, self.currency))
    def __lt__(self, other):
        if not isinstance(other, Money) or other.currency != self.currency:
            return NotImplemented
        return self.amount < other.amount
m = Money(5)
print(repr(m), str(m), f"{m}", f"{m!r}", [m], (m,), {"k": m}, "%s|%r" % (m, m))
print(m == Money(5), m != Money(5), m == Money(5, "USD"), m == 5, m != "x", m is Money(5))
print(len({Money(1), Money(1), Money(2)}), {Money(1): "one"}[Money(1)])
print(Money(1) < Money(2), Money(3) > Money(2), sorted([Money(3), Money(1), Money(2)]))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except TypeError as error:
        print(label, "->", error)
attempt("<= undefined", lambda: Money(1) <= Money(2))
attempt("< other currency", lambda: Money(1) < Money(2, "USD"))
attempt("< int", lambda: Money(1) < 5)
attempt("int >", lambda: 5 > Money(1))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly.__hash__, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
attempt("unhashable", lambda: {EqOnly(1)})
attempt("hash()", lambda: hash(EqOnly(1)))
class Plain:
    pass
p = Plain()
print(p == p, p != p, Plain() == Plain(), hash(p) == hash(p))
class Reflect:
    def __eq__(self, other):
        return "Reflect.__eq__"
    def __gt__(self, other):
        return "Reflect.__gt__"
print(1 == Reflect(), 1 < Reflect(), Reflect() == 1, [1] == Reflect())
class StrOnly:
    def __str__(self):
        return "str only"
s = StrOnly()
print(str(s), repr(s) == object.__repr__(s), f"{s}")
class BadRepr:
    def __repr__(self):
        return 42
attempt("bad repr", lambda: repr(BadRepr()))
class BadHash:
    def __hash__(self):
        return "nope"
attempt("bad hash", lambda: hash(BadHash()))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class NeOnly:
    def __ne__(self, other):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == NeOnly())
