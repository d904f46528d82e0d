# Comprehensions: list, set, dict and generator comprehensions, nested and filtered,
# over a table of generated records; a matrix product and a word-grid search.
def records(count):
    return [{"id": i, "group": i % 17, "score": (i * 37) % 101, "tags": [t for t in "abcde" if (i >> "abcde".index(t)) & 1]}
            for i in range(count)]


def matrix_product(a, b):
    columns = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]


def main():
    table = records(150000)
    by_group = {g: [r["score"] for r in table if r["group"] == g] for g in range(17)}
    means = {g: sum(s) / len(s) for g, s in by_group.items()}
    tag_sets = {frozenset(r["tags"]) for r in table}
    top = sorted((r["score"], r["id"]) for r in table if r["score"] > 95 and "c" in r["tags"])[-5:]
    pairs = [(a, b) for a in range(1200) for b in range(a, 1200) if (a * b) % 97 == 1]
    counts = {tag: sum(1 for r in table if tag in r["tags"]) for tag in "abcde"}
    size = 150
    a = [[(i * j + 1) % 10 for j in range(size)] for i in range(size)]
    b = [[(i + 2 * j) % 7 for j in range(size)] for i in range(size)]
    product = matrix_product(a, b)
    trace = sum(product[i][i] for i in range(size))
    flat = [x for row in product for x in row if x % 2]
    print(round(sum(means.values()), 6), len(tag_sets), top, len(pairs), counts)
    print(trace, len(flat), max(flat), sum(sum(row) for row in product))


main()
