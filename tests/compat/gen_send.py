# Generators: next() and send(), values flowing both ways.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo finished with", received)


acc = accumulator()
print(next(acc))
for v in (1, 2, 3, 10):
    print("send", v, "->", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
g.close()

fresh = accumulator()
try:
    fresh.send(5)
except TypeError as e:
    print(type(e).__name__, e)

done = accumulator()
next(done)
try:
    done.send(None)
except StopIteration as e:
    print("first stop", e.value)
for attempt in range(2):
    try:
        next(done)
    except StopIteration as e:
        print("exhausted again", e.value, e.args)


def counter(n):
    i = 0
    while i < n:
        reset = yield i
        i = 0 if reset else i + 1


c = counter(4)
print([next(c), next(c), next(c), c.send(True), next(c)])
print(list(c))
print(next(iter([]), "default"), next(counter(0), "empty"))
