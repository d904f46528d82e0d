# Calls: recursion, positional and keyword arguments, defaults, closures.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def add(a, b, c=1):
    return a + b + c


def make_adder(k):
    def adder(x):
        return x + k
    return adder


def main():
    total = fib(30)
    adder = make_adder(3)
    for i in range(3000000):
        total += add(i, 2) + add(i, b=1, c=0) + adder(i)
    print(total)


main()
