# Permutation flipping: for every permutation of 1..n, reverse the prefix whose
# length is the first element until 1 comes first; count flips, max and checksum.
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


def fannkuch(n):
    most = 0
    checksum = 0
    for index, permutation in enumerate(itertools.permutations(range(1, n + 1))):
        count = flips(permutation)
        most = max(most, count)
        checksum += count if index % 2 == 0 else -count
    return most, checksum


for n in (8, 9):
    print(n, *fannkuch(n))
