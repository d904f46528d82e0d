# Permutation flipping: for every permutation of 1..n (from itertools, then from a
# generator written here), reverse the prefix whose length is the first element
# until 1 comes first; count flips, their maximum and an alternating checksum.
import itertools


def flips(permutation):
    items = list(permutation)
    count = 0
    first = items[0]
    while first != 1:
        items[:first] = items[first - 1::-1]
        count += 1
        first = items[0]
    return count


def heap_permutations(n):
    """Every permutation of 1..n by Heap's method: each differs by one swap."""
    items = list(range(1, n + 1))
    counters = [0] * n
    yield tuple(items)
    i = 1
    while i < n:
        if counters[i] < i:
            j = counters[i] if i % 2 else 0
            items[j], items[i] = items[i], items[j]
            yield tuple(items)
            counters[i] += 1
            i = 1
        else:
            counters[i] = 0
            i += 1


def fannkuch(permutations):
    most = 0
    checksum = 0
    for index, permutation in enumerate(permutations):
        count = flips(permutation)
        most = max(most, count)
        checksum += count if index % 2 == 0 else -count
    return most, checksum


for n in (8, 9):
    print(n, *fannkuch(itertools.permutations(range(1, n + 1))), *fannkuch(heap_permutations(n)))
