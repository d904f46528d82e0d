# An uncaught exception raised inside a generator driven by a for loop and yield from.
def numbers(limit):
    for n in range(limit):
        yield 100 // (3 - n)


def relay(limit):
    total = yield from numbers(limit)
    return total


results = []
for value in relay(5):
    results.append(value)
    print("got", value)
print("not reached", results)
