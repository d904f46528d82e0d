# global and nonlocal: rebinding module names from functions, nonlocal through several
# levels, globals created by functions, and names read before assignment.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_global():
    global created_later
    created_later = "made in a function"
make_global()
print(created_later)
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = x + "+inner"
            return x
        inner()
        return x
    result = middle()
    return result, x
print(outer())
def accumulator():
    total = 0
    count = 0
    def add(value):
        nonlocal total, count
        total += value
        count += 1
        return total / count
    return add
avg = accumulator()
print(avg(10), avg(20), avg(60))
def shadow():
    counter = 100
    def read_global():
        global counter
        return counter
    return counter, read_global()
print(shadow())
def local_before_assign():
    try:
        print(counter)
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    counter = 5
    return counter
print(local_before_assign())
def class_in_function():
    value = "enclosing"
    class Inner:
        nonlocal_view = value
        def method(self):
            return value
    value = "changed"
    return Inner.nonlocal_view, Inner().method()
print(class_in_function())
class Config:
    setting = "class attr"
    def read(self):
        global setting
        return setting
setting = "module setting"
print(Config().read(), Config.setting)
def gen_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        yield n
        n += 10
        yield n
    return step
step = gen_counter()
print(list(step()), list(step()))
def del_global():
    global counter
    del counter
del_global()
try:
    print(counter)
except NameError as error:
    print("NameError:", error)
def nonlocal_unbound():
    def inner():
        nonlocal late
        return late
    try:
        return inner()
    except NameError as error:
        return f"NameError: {error}"
    late = 1
print(nonlocal_unbound())
