# Comprehension scopes: the outermost iterable is evaluated outside, `.0` is the
# implicit parameter, iteration variables are comp_iter, nested comprehensions see
# enclosing function locals as free variables, and class bodies are skipped.
def f(items, n):
    squares = [i * i for i in items if i > n]
    pairs = {k: v for k, v in zip(items, items) for _ in range(n)}
    flat = {x for row in items for x in row if x is not None}
    gen = (j + n for j in items)
    nested = [[i + j for j in range(i)] for i in range(n)]
    lam = [lambda: i for i in items]
    return squares, pairs, flat, gen, nested, lam


class C:
    base = 3
    table = [base for _ in range(2)]      # base in the iterable: class scope
    more = [x * base for x in range(2)]   # base inside: global, not the class attribute
    gens = (y for y in table)


async def g(aiter):
    return [z async for z in aiter], [await w for w in aiter]


result = [a for a in range(3) for b in range(a)]
