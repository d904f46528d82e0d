# Recursion: the parameter is provably bound (no unbound-local check), constants are
# used in place (no incref/decref around them), temporaries are C variables.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))
