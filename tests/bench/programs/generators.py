# Generators: pipelines of generator functions and generator expressions, yield from.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


def squares(source):
    for value in source:
        yield value * value


def chained(limit):
    yield from numbers(limit)
    yield from numbers(limit // 2)


def main():
    total = sum(squares(evens(numbers(6000000))))
    total += sum(x % 7 for x in chained(4000000))
    print(total)


main()
