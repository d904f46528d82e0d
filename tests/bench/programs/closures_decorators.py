# Closures and decorators: counters and accumulators made by closures, decorators
# with and without arguments (functools.wraps), memoisation, validation and a
# decorator-registered dispatch table.
import functools


def counted(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return function(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


def clamp(low, high):
    def decorate(function):
        @functools.wraps(function)
        def wrapper(*args):
            return max(low, min(high, function(*args)))
        return wrapper
    return decorate


def memoise(function):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = function(n)
        return cache[n]
    return wrapper


HANDLERS = {}


def handles(kind):
    def register(function):
        HANDLERS[kind] = function
        return function
    return register


@handles("add")
def handle_add(state, value):
    return state + value


@handles("mul")
def handle_mul(state, value):
    return state * value % 1_000_003


@handles("xor")
def handle_xor(state, value):
    return state ^ value


def make_accumulator():
    total = 0

    def add(value):
        nonlocal total
        total += value
        return total
    return add


def compose(*functions):
    def composed(x):
        for f in reversed(functions):
            x = f(x)
        return x
    return composed


@counted
@clamp(0, 1000)
def score(a, b):
    return a * 3 - b


@memoise
def collatz_length(n):
    if n == 1:
        return 1
    return 1 + collatz_length(n // 2 if n % 2 == 0 else 3 * n + 1)


def main():
    total = sum(score(i % 500, i % 37) for i in range(900000))
    adders = [make_accumulator() for _ in range(10)]
    for i in range(600000):
        adders[i % 10](i)
    pipeline = compose(lambda x: x + 1, lambda x: x * 2, lambda x: x - 3)
    composed = sum(pipeline(i) for i in range(600000))
    state = 1
    kinds = list(HANDLERS)
    for i in range(600000):
        state = HANDLERS[kinds[i % 3]](state, i)
    longest = max(range(1, 100000), key=collatz_length)
    print(total, score.calls, score.__name__, [a(0) for a in adders][:3])
    print(composed, state, longest, collatz_length(longest))


main()
