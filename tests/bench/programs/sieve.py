# Sieve of Eratosthenes on a bytearray, then prime statistics: counts per decade,
# twin primes, the largest gap and a few Goldbach decompositions.
def primes_up_to(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    for p in range(2, int(limit ** 0.5) + 1):
        if sieve[p]:
            sieve[p * p::p] = bytes(len(range(p * p, limit + 1, p)))
    return sieve


def main():
    limit = 14_000_000
    sieve = primes_up_to(limit)
    primes = [n for n in range(limit + 1) if sieve[n]]
    twins = sum(1 for a, b in zip(primes, primes[1:]) if b - a == 2)
    gap, after = max((b - a, a) for a, b in zip(primes, primes[1:]))
    per_decade = []
    bound = 10
    while bound <= limit:
        per_decade.append(sum(1 for p in primes if p < bound))
        bound *= 10
    goldbach = []
    for even in range(1_000_000, 1_100_000, 2):
        for p in primes:
            if sieve[even - p]:
                goldbach.append(p)
                break
    print(len(primes), twins, gap, after, per_decade, sum(goldbach), max(goldbach))


main()
