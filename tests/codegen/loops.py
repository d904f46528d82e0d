# Loops: for and while with break, continue and else; a local that may be unbound
# (checked) next to locals that are bound (not checked); augmented assignment; the
# iterator released on every way out of the loop.
def first_even(values):
    for value in values:
        if value % 2 == 0:
            found = value
            break
        if value < 0:
            continue
    else:
        return None
    return found


def countdown(n):
    total = 0
    while n > 0:
        n -= 1
        if n == 3:
            continue
        total += n
    else:
        total += 100
    return total


def unpack(pairs):
    result = []
    for key, value in pairs:
        result.append(f"{key}={value!r}")
    return ", ".join(result)


print(first_even([1, 3, 4, 5]), first_even([1, 3]), countdown(6), unpack([("a", 1), ("b", "x")]))
