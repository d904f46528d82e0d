# Default argument values: evaluated once at def time, the mutable-default trap,
# None sentinels, defaults referring to earlier names, and __defaults__ changes.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
calls = []
def default_value(label):
    calls.append(label)
    return label
def f(a, b=default_value("b"), *, c=default_value("c")):
    return a, b, c
print(calls, f(1), f(1, 2), f(1, c=3), calls)
base = 10
def uses_base(x, y=base):
    return x + y
base = 20
print(uses_base(1), uses_base.__defaults__)
uses_base.__defaults__ = (100,)
print(uses_base(1))
f.__kwdefaults__ = {"c": "new c"}
print(f(0), f.__kwdefaults__)
def counter(start=0, step=1, *, cache={}):
    cache[start] = cache.get(start, 0) + step
    return cache
print(counter(), counter(), counter(5, 2), counter.__kwdefaults__)
def all_defaults(a=1, b=2, c=3):
    return a, b, c
print(all_defaults(), all_defaults(9), all_defaults(c=9), all_defaults(7, c=8))
print(all_defaults.__defaults__, (lambda x=[1]: x).__defaults__)
adders = [lambda x, n=n: x + n for n in range(3)]
print([add(10) for add in adders])
def nested_default(x=(lambda: "from lambda")()):
    return x
print(nested_default())
try:
    def bad(a=undefined_default):
        pass
except NameError as error:
    print("NameError:", error)
def no_defaults(a, b):
    return a + b
print(no_defaults.__defaults__, no_defaults.__kwdefaults__)
try:
    all_defaults.__defaults__ = [1]
except TypeError as error:
    print("TypeError:", error)
all_defaults.__defaults__ = None
try:
    all_defaults()
except TypeError as error:
    print("TypeError:", error)
