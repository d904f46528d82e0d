# Closures capturing comprehension variables: late binding and default-argument binding.
late = [lambda: i for i in range(3)]
print([f() for f in late])

early = [lambda i=i: i for i in range(3)]
print([f() for f in early])

gens = [(x for _ in range(2)) for x in range(3)]
print([list(g) for g in gens])


def make_adders():
    return {n: (lambda v: v + n) for n in range(3)}


adders = make_adders()
print([adders[k](10) for k in sorted(adders)])


def outer(scale):
    return [lambda v, k=k: v * scale + k for k in range(3)]


print([f(2) for f in outer(10)])


def counter_factory():
    counts = {}

    def bump(key):
        counts[key] = counts.get(key, 0) + 1
        return {k: v for k, v in counts.items() if v > 0}

    return bump


bump = counter_factory()
bump("a")
bump("b")
print(bump("a"))


def nested_capture():
    return [[lambda: (a, b) for b in range(2)] for a in range(2)]


print([[f() for f in row] for row in nested_capture()])


def captures_and_changes():
    base = 1
    fs = [lambda: base + j for j in range(2)]
    base = 100
    return [f() for f in fs]


print(captures_and_changes())


def comprehension_sees_enclosing(limit):
    def check(v):
        return v < limit

    return [v for v in range(10) if check(v)]


print(comprehension_sees_enclosing(4))
funcs = {name: (lambda name=name: name.upper()) for name in ["x", "y"]}
print(sorted((k, f()) for k, f in funcs.items()))
