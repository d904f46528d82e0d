# sorted with key/reverse, min/max with key/default, sum with start; stability and errors.
words = ["banana", "Apple", "cherry", "apple", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted({3: "a", 1: "b"}))
pairs = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(pairs, key=lambda p: p[1]))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max(words, key=len), min(words, key=str.lower))
print(min([], default="empty"), max((), default=None), max([1, 5, 3], key=lambda x: -x))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([[1], [2]], []), sum([0.1] * 3), sum(range(101)))
print(sum((x for x in range(5)), start=100), max(1, 2.5), min(True, 0))
data = [5, 2, 8]
result = data.sort()
print(result, data)
data.sort(key=lambda v: -v)
print(data)
for bad in (lambda: min([]), lambda: max(), lambda: sorted([1, "a"]), lambda: sum(["a", "b"], ""),
            lambda: sorted([1], key=1), lambda: max(1, 2, default=0), lambda: min(5)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2], [1, 5], [1]]))
print(sorted(range(10), key=lambda n: n % 3), sorted([-3, 2, -1], key=abs))


class Item:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"Item({self.v})"


print(sorted([Item(3), Item(1), Item(2)]), max([Item(3), Item(7)]), min(Item(4), Item(2)))
