# Generators: close(), GeneratorExit, and generators that refuse to stop.
def worker(name):
    try:
        for i in range(10):
            yield f"{name}{i}"
    except GeneratorExit:
        print(name, "got GeneratorExit")
        raise
    finally:
        print(name, "cleanup")


g = worker("w")
print(next(g), next(g))
print(g.close())
print(g.close())
print(list(g))

unstarted = worker("u")
unstarted.close()
print("unstarted closed without output")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring close")
    yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def returns_in_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


r = returns_in_close()
next(r)
print("close ->", r.close())


def raises_in_close():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


x = raises_in_close()
next(x)
try:
    x.close()
except ValueError as e:
    print("close raised", e, type(e.__context__).__name__)

finished = worker("f")
print(list(finished)[-1])
finished.close()
