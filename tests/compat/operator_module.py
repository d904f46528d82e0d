# The operator module and sorting with compiled callables: itemgetter, attrgetter,
# methodcaller, operator functions on user classes, sorted/min/max with keys and
# defaults, stable sorts, reverse, and errors from keys and comparisons.
import operator
from functools import reduce
class Employee:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def raise_by(self, pct):
        return round(self.salary * (1 + pct / 100))
    def __repr__(self):
        return self.name
staff = [Employee("ann", "eng", 120), Employee("bob", "ops", 90), Employee("cid", "eng", 100), Employee("dee", "ops", 90)]
print(sorted(staff, key=operator.attrgetter("salary")), sorted(staff, key=operator.attrgetter("dept", "name"), reverse=True))
print(sorted(staff, key=lambda e: (-e.salary, e.name)), [operator.methodcaller("raise_by", 10)(e) for e in staff])
rows = [("b", 2, 9.5), ("a", 2, 1.0), ("c", 1, 3.3)]
print(sorted(rows, key=operator.itemgetter(1)), sorted(rows, key=operator.itemgetter(1, 0)), list(map(operator.itemgetter(0), rows)))
print(min(staff, key=lambda e: e.salary), max(staff, key=lambda e: e.salary), max([], default="none"), min(3, 1, 2, key=lambda x: -x))
print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.not_([]), operator.truth(0), operator.contains([1], 1))
print(operator.getitem({"k": 1}, "k"), operator.concat([1], [2]), operator.lt(1, 2), operator.is_(None, None), operator.pow(2, 5))
print(reduce(operator.or_, [{1}, {2}, {3}]) == {1, 2, 3}, reduce(operator.add, map(str, range(5))))
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return V(self.x + other.x)
    def __lt__(self, other):
        return self.x < other.x
    def __repr__(self):
        return f"V({self.x})"
print(operator.add(V(1), V(2)), sorted([V(3), V(1), V(2)]), max(V(5), V(9)), reduce(operator.add, [V(1), V(2), V(3)]))
data = {"z": 1, "a": 3, "m": 2}
print(sorted(data), sorted(data, key=data.get), sorted(data.items(), key=operator.itemgetter(1), reverse=True))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
inplace = [3, 1, 2]
inplace.sort(key=lambda x: -x)
print(inplace)
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, ZeroDivisionError) as error:
        print(label, "->", type(error).__name__, error)
attempt("mixed sort", lambda: sorted([1, "a", 2]))
attempt("key raises", lambda: sorted([1, 0], key=lambda x: 1 / x))
attempt("max empty", lambda: max([]))
attempt("attrgetter missing", lambda: operator.attrgetter("missing")(staff[0]))
attempt("itemgetter missing", lambda: operator.itemgetter(5)(rows[0]))
attempt("sort objects", lambda: sorted([object(), object()]))
attempt("key not callable", lambda: sorted([1, 2], key=5))
