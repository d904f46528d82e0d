# Spectral norm: the largest singular value of an infinite matrix with entries
# 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by the power method.
import math


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times(vector):
    n = len(vector)
    return [sum(entry(i, j) * vector[j] for j in range(n)) for i in range(n)]


def times_transposed(vector):
    n = len(vector)
    return [sum(entry(j, i) * vector[j] for j in range(n)) for i in range(n)]


def times_ata(vector):
    return times_transposed(times(vector))


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = u
    for _ in range(iterations):
        v = times_ata(u)
        u = times_ata(v)
    vbv = sum(a * b for a, b in zip(u, v))
    vv = sum(b * b for b in v)
    return math.sqrt(vbv / vv)


print(f"{spectral_norm(400, 10):.9f}")
