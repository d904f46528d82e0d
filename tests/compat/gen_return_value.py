# Generators: return values travel in StopIteration.value.
def gen_with_return(n):
    for i in range(n):
        yield i
    return f"returned {n}"


def no_return():
    yield 1


def returns_tuple():
    yield "x"
    return (1, 2)


def returns_none_explicit():
    yield "y"
    return None


def collect(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as stop:
            return items, stop.value, stop.args


print(collect(gen_with_return(3)))
print(collect(gen_with_return(0)))
print(collect(no_return()))
print(collect(returns_tuple()))
print(collect(returns_none_explicit()))


def early_return(flag):
    yield "start"
    if flag:
        return "early"
    yield "middle"
    return "late"


print(collect(early_return(True)))
print(collect(early_return(False)))


def returns_stopiteration_like():
    yield 0
    return StopIteration("inner")


items, value, args = collect(returns_stopiteration_like())
print(items, type(value).__name__, value, len(args))

g = gen_with_return(1)
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("after exhaustion value is", e.value)

stop = StopIteration(7, 8)
print(stop.value, stop.args)
