# Loops: nested integer loops, arithmetic, comparisons, list indexing.
def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return sum(1 for flag in flags if flag)


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(n):
            acc = (acc + i * j) % 1000003
    return acc


print(sieve(8000000), nested(3000))
