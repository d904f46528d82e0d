# Fibonacci three ways: naive recursion, an lru_cache'd recursion over big
# integers, and iteration with tuple assignment; prints digests of the results.
import functools


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=None)
def fib_memo(n):
    if n < 2:
        return n
    return fib_memo(n - 1) + fib_memo(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(fib(34))
memo = 0
for n in range(0, 2000, 7):
    memo = (memo + fib_memo(n)) % 1_000_000_007
print(memo)
digits = 0
for n in range(0, 12000, 500):
    digits += len(str(fib_iter(n)))
print(digits, fib_iter(300) == fib_memo(300))
