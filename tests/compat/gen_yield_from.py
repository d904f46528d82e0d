# yield from: delegation to sub-generators and iterables, return values.
def inner(n):
    for i in range(n):
        yield i
    return n * 10


def outer():
    a = yield from inner(2)
    print("inner returned", a)
    b = yield from inner(3)
    print("inner returned", b)
    c = yield from [100, 200]
    print("list gives", c)
    d = yield from "hi"
    return a + b


print(list(outer()))
g = outer()
results = []
while True:
    try:
        results.append(next(g))
    except StopIteration as e:
        print("outer returned", e.value)
        break
print(results)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain([1, 2], (3,), range(4, 6), {"k": 1})))


def tree(node):
    value, children = node
    yield value
    for child in children:
        yield from tree(child)


t = (1, [(2, [(4, [])]), (3, [(5, []), (6, [])])])
print(list(tree(t)))


def empty_inner():
    return "nothing yielded"
    yield


def uses_empty():
    r = yield from empty_inner()
    yield r


print(list(uses_empty()))

try:
    list(chain([1], 5))
except TypeError as e:
    print(type(e).__name__, e)
