# Multiple with items and nested with statements: order of enter and exit, partial failure.
log = []


class CM:
    def __init__(self, name, fail_enter=False, suppress=False):
        self.name = name
        self.fail_enter = fail_enter
        self.suppress = suppress

    def __enter__(self):
        if self.fail_enter:
            log.append(f"enter {self.name} fails")
            raise RuntimeError(f"cannot enter {self.name}")
        log.append(f"enter {self.name}")
        return self.name

    def __exit__(self, exc_type, exc, tb):
        log.append(f"exit {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return self.suppress


with CM("a") as a, CM("b") as b, CM("c") as c:
    log.append(f"body {a}{b}{c}")
print(log)

log.clear()
try:
    with CM("a"), CM("b", fail_enter=True), CM("c"):
        log.append("body")
except RuntimeError as e:
    log.append(f"caught {e}")
print(log)

log.clear()
with CM("outer", suppress=True):
    with CM("inner"):
        raise ValueError("boom")
    log.append("not reached")
log.append("after")
print(log)

log.clear()
with CM("x") as x:
    with CM("y", suppress=True) as y:
        raise KeyError
    log.append(f"after inner {x}{y}")
print(log)

log.clear()
with (
    CM("p1") as p1,
    CM("p2") as p2,
):
    log.append(p1 + p2)
print(log)

log.clear()
pairs = {}
with CM("t1") as pairs["first"], CM("t2") as pairs["second"]:
    pass
print(sorted(pairs.items()), log)

log.clear()
with CM("tuple") as (first, *rest):
    log.append((first, rest))
print(log)

log.clear()
try:
    with CM("u") as (one, two):
        log.append("not reached")
except ValueError as e:
    log.append(f"unpack error: {e}")
print(log)
