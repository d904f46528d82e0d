# Values that only an exception handler still needs: a loop's iterator while a try
# inside the loop returns, a value computed before a try and used only in its handler,
# a for loop whose next item is taken inside a try. Each is released on the normal path.
import sys


def first_present(maps, key):
    for mapping in maps:
        try:
            return mapping[key]
        except KeyError:
            pass
    return "missing"


def fallback_value(text):
    default = [len(text)]
    try:
        return int(text)
    except ValueError:
        return default


def guarded_loop(items):
    total = 0
    try:
        for item in items:
            total += item
    except TypeError:
        return "bad item", total
    return total


def count_refs():
    marker = object()
    before = sys.getrefcount(marker)
    for _ in range(100):
        first_present([{}, {"k": marker}], "k")
        fallback_value("x")
    return sys.getrefcount(marker) - before


print(first_present([{}, {"a": 1}], "a"), first_present([{}], "a"))
print(fallback_value("12"), fallback_value("xyz"))
print(guarded_loop([1, 2, 3]), guarded_loop([1, "2", 3]))
print("leaked references:", count_refs())
