def inner(values):
    total = 0
    for value in values:
        total += 10 // value
    return total


def outer():
    print("before")
    return inner([1, 2, 0])


outer()
print("not reached")
