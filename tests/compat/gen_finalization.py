# Generator finalization: finally blocks run on close(), on garbage collection and at loop break.
import gc


def resource(name, log):
    log.append(f"open {name}")
    try:
        for i in range(3):
            yield i
    finally:
        log.append(f"close {name}")


log = []
for x in resource("loop", log):
    if x == 1:
        break
log.append("after break")
print(log)

log = []
g = resource("dropped", log)
next(g)
del g
log.append("after del")
print(log)

log = []
g = resource("closed", log)
next(g)
g.close()
log.append("after close")
print(log)

log = []
g = resource("unstarted", log)
del g
print("unstarted:", log)

log = []


class Holder:
    pass


h = Holder()
h.self_ref = h
h.gen = resource("cycle", log)
next(h.gen)
del h
gc.collect()
print("cycle:", log)


def nested(log):
    try:
        try:
            yield "inner"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")


log = []
n = nested(log)
next(n)
n = None
print(log)


def with_exit(log):
    class CM:
        def __enter__(self):
            log.append("enter")

        def __exit__(self, *exc):
            log.append(f"exit {exc[0].__name__ if exc[0] else None}")

    with CM():
        yield 1
        yield 2


log = []
w = with_exit(log)
next(w)
w.close()
print(log)
