# Expressions: constants folded (-1, 2 * 3 + 1, if True), and/or, chained comparisons,
# conditional expressions, displays with unpacking, calls with keywords and *args,
# method calls, subscripts and slices, the walrus operator, comprehensions, lambdas.
def shapes(items, *rest, scale=2, **options):
    offset = -1
    size = 2 * 3 + 1
    if True:
        size += offset
    low = items[0] if items else None
    ordered = 0 < size <= 10 and low is not None
    merged = [*items, *rest, size]
    table = {"scale": scale, **options}
    picked = sorted(merged, key=lambda x: -x, reverse=False)[1:-1]
    if (count := len(picked)) > 2:
        picked.append(count)
    squares = {v: v * v for v in picked if v}
    return ordered or not merged, table, picked, squares, max(*merged)


print(shapes([3, 1, 2], 5, 4, flag=True))
