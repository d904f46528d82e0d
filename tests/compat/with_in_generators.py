# with blocks inside generators: __exit__ on exhaustion, close(), throw(), and garbage collection.
log = []


class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append(f"enter {self.name}")
        return self

    def __exit__(self, kind, value, tb):
        log.append(f"exit {self.name} with {kind.__name__ if kind else None}")
        return self.suppress


def produce(name, suppress=False):
    with Managed(name, suppress):
        yield 1
        yield 2
    log.append(f"{name} after with")


print(list(produce("full")), log)
log.clear()
g = produce("closed")
next(g)
g.close()
print(log)
log.clear()
g = produce("thrown")
next(g)
try:
    g.throw(KeyError("k"))
except KeyError:
    log.append("KeyError propagated")
print(log)
log.clear()
g = produce("swallowed", suppress=True)
next(g)
try:
    g.throw(ValueError("v"))
except StopIteration:
    log.append("generator finished after suppression")
print(log)
log.clear()
g = produce("collected")
next(g)
del g
print(log)
log.clear()


def nested():
    with Managed("outer"):
        with Managed("inner"):
            yield "deep"
        yield "shallow"


n = nested()
print(next(n), log)
print(next(n), log)
n.close()
print(log)
log.clear()


def early_return():
    with Managed("ret"):
        yield 1
        return "done early"


e = early_return()
next(e)
try:
    next(e)
except StopIteration as stop:
    print(stop.value, log)
