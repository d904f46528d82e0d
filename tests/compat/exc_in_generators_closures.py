# Exceptions raised inside generators and closures, caught at various levels.
def risky_gen(values):
    for v in values:
        try:
            yield 10 // v
        except GeneratorExit:
            raise
        finally:
            print("  finally for", v)


try:
    for r in risky_gen([5, 2, 0, 1]):
        print("got", r)
except ZeroDivisionError as e:
    print("loop stopped:", e)


def safe_gen(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError:
            yield "inf"


print(list(safe_gen([2, 0, 5])))


def make_validator(limit):
    def validate(x):
        if x > limit:
            raise ValueError(f"{x} exceeds {limit}")
        return x
    return validate


check = make_validator(3)
for v in (1, 5):
    try:
        print("valid", check(v))
    except ValueError as e:
        print("invalid:", e)


def counter():
    count = 0

    def increment(step):
        nonlocal count
        if step < 0:
            raise ValueError("negative step")
        count += step
        return count
    return increment


inc = counter()
inc(2)
try:
    inc(-1)
except ValueError as e:
    print(e, "count still", inc(0))


def outer():
    def inner():
        raise KeyError("from inner")
    try:
        inner()
    except KeyError as e:
        return f"outer caught {e}"


print(outer())

handlers = []
for name in ["a", "b"]:
    def handler(exc, name=name):
        return f"{name} handled {type(exc).__name__}"
    handlers.append(handler)
print([h(OSError()) for h in handlers])


def gen_raises_after_yield():
    yield 1
    raise OSError("after first")


g = gen_raises_after_yield()
print(next(g))
try:
    next(g)
except OSError as e:
    print("generator raised", e)
print(next(g, "generator is finished"))
lam = lambda: 1 / 0
try:
    lam()
except ZeroDivisionError as e:
    print("lambda raised", e)
try:
    list(map(lambda s: int(s), ["1", "x"]))
except ValueError as e:
    print(e)
