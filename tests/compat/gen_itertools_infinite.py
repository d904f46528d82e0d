# Infinite generators combined with itertools.
import itertools


def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def primes():
    found = []
    for n in naturals(2):
        if all(n % p for p in found):
            found.append(n)
            yield n


print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(fibonacci(), 12)))
print(list(itertools.islice(primes(), 10)))
print(list(itertools.takewhile(lambda x: x < 50, fibonacci())))
print(next(itertools.dropwhile(lambda x: x < 1000, fibonacci())))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(zip(naturals(1), "xyz")))
print(list(itertools.islice(itertools.accumulate(naturals(1)), 6)))
print(list(itertools.islice(map(lambda p: p * p, primes()), 5)))
print(list(itertools.islice(filter(lambda n: n % 7 == 0, naturals(1)), 3)))
print(list(itertools.compress(naturals(), [1, 0, 1, 0, 1])))
pairs = itertools.pairwise(itertools.islice(fibonacci(), 6))
print([b - a for a, b in pairs])
evens, odds = itertools.tee(naturals(), 2)
print([next(evens) for _ in range(3)], next(odds))
print([(k, len(list(g))) for k, g in itertools.groupby([1, 1, 2, 3, 3, 3])])
print(list(itertools.starmap(pow, itertools.islice(zip(naturals(1), itertools.repeat(2)), 4))))
for i, (n, f) in enumerate(zip(naturals(), fibonacci())):
    if f > 20:
        print("first fibonacci over 20 at", i, n, f)
        break
g = fibonacci()
print(g.__name__, next(g), next(g), next(g))
