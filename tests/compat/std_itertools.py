# itertools: combinatorics, grouping, slicing and chaining.
import itertools as it
import operator

print(list(it.chain("ab", [1, 2])), list(it.chain.from_iterable([[1], [2, 3]])))
print(list(it.product("ab", repeat=2)))
print(list(it.product([1, 2], "xy")))
print(list(it.permutations("abc", 2)))
print(list(it.combinations(range(4), 3)))
print(list(it.combinations_with_replacement("ab", 2)))
print(list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4], max, initial=2)))
data = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda s: s[0])
for letter, group in it.groupby(data, key=lambda s: s[0]):
    print(letter, list(group))
print(list(it.zip_longest("abc", [1], fillvalue="-")))
print(list(it.islice("abcdefg", 1, 6, 2)), list(it.islice(range(100), 3)))
print(list(it.filterfalse(lambda x: x % 3, range(10))))
print(list(it.starmap(operator.add, [(1, 2), (3, 4)])))
print(list(it.repeat("x", 3)), list(it.pairwise("abcd")))
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
print(list(it.batched(range(7), 3)) if hasattr(it, "batched") else "no batched in 3.11")
print(sum(1 for _ in it.permutations(range(5))))
counter = it.count()
print([next(counter) for _ in range(3)], next(it.count(2.5, 0.5)))
try:
    list(it.islice("abc", -1))
except ValueError as e:
    print(type(e).__name__, e)
print(list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.takewhile(str.isupper, "ABcD")), list(it.dropwhile(str.isupper, "ABcD")))
