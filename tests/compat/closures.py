# Closures: late binding in loops, default-argument capture, nonlocal counters, cells
# shared between closures, closures over parameters, and __closure__ contents.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make_loop_closures():
    result = []
    for i in range(3):
        def get():
            return i
        result.append(get)
    i = 100
    return [f() for f in result]
print(make_loop_closures())
def counter():
    count = 0
    def increment(by=1):
        nonlocal count
        count += by
        return count
    def reset():
        nonlocal count
        count = 0
    def peek():
        return count
    return increment, reset, peek
inc, reset, peek = counter()
inc(); inc(5)
print(peek())
reset()
print(peek(), inc())
inc2, _, peek2 = counter()
inc2(10)
print(peek(), peek2())
def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(1), add5.__closure__[0].cell_contents, adder.__code__.co_cellvars, add5.__code__.co_freevars)
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle()
f = outer()
print(f(), f.__code__.co_freevars, len(f.__closure__))
def param_cell(x):
    def show():
        return x
    x = x * 10
    return show
print(param_cell(4)())
def make_accumulators():
    total = []
    return (lambda v: total.append(v)), (lambda: list(total))
push, snapshot = make_accumulators()
push(1); push(2)
print(snapshot())
def plain():
    return 1
print(plain.__closure__, outer.__closure__)
def uses_unbound():
    def inner():
        return value
    result = None
    try:
        result = inner()
    except NameError as error:
        result = f"{type(error).__name__}: {error}"
    value = 5
    return result, inner()
print(uses_unbound())
def generator_closure():
    factor = 3
    return (x * factor for x in range(3))
print(list(generator_closure()))
def rebinding():
    fs = []
    x = "first"
    fs.append(lambda: x)
    x = "second"
    fs.append(lambda: x)
    return [g() for g in fs]
print(rebinding())
def cell_in_class_method():
    secret = "s3"
    class K:
        def reveal(self):
            return secret
    return K().reveal()
print(cell_in_class_method())
