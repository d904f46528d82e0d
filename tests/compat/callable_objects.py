# __call__: instances as functions, callable(), classes as callables, call
# forwarding with *args/**kwargs, __call__ on the class not the instance, closures
# vs objects, and errors from calling non-callables.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, value, *, offset=0):
        self.calls += 1
        return value * self.factor + offset
double = Multiplier(2)
print(double(5), double(5, offset=1), double.calls, callable(double), callable(Multiplier))
print(list(map(double, [1, 2, 3])), sorted([3, 1, 2], key=Multiplier(-1)))
class Pipeline:
    def __init__(self, *steps):
        self.steps = steps
    def __call__(self, value):
        for step in self.steps:
            value = step(value)
        return value
pipe = Pipeline(str.strip, str.upper, lambda s: s + "!", lambda s: (s, len(s)))
print(pipe("  hi "))
class Plain:
    pass
obj = Plain()
obj.__call__ = lambda: "instance attribute"
print(callable(obj))
try:
    obj()
except TypeError as error:
    print("TypeError:", error)
class Forwarder:
    def __init__(self, target):
        self.target = target
    def __call__(self, *args, **kwargs):
        return ("forwarded", self.target(*args, **kwargs))
print(Forwarder(max)(3, 9, 4), Forwarder(dict)(a=1), Forwarder(Forwarder(len))([1, 2]))
try:
    Forwarder(len)(1)
except TypeError as error:
    print("TypeError:", error)
try:
    Multiplier(2)()
except TypeError as error:
    print("TypeError:", error)
try:
    Multiplier(2)(1, 2)
except TypeError as error:
    print("TypeError:", error)
class CallReturnsSelf:
    def __call__(self):
        return self
c = CallReturnsSelf()
print(c()()() is c)
class Meta(type):
    def __call__(cls, *args):
        return f"Meta intercepted {cls.__name__}{args}"
class Intercepted(metaclass=Meta):
    pass
print(Intercepted(1, 2))
Plain.__call__ = lambda self, x: f"class-level __call__ {x}"
print(obj(5), callable(Plain()))
def counter_closure():
    count = 0
    def call():
        nonlocal count
        count += 1
        return count
    return call
cc = counter_closure()
print(cc(), cc(), cc.__class__.__name__)
