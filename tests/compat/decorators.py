# Function decorators: plain, with arguments, stacked (application order), returning
# non-functions, class-based decorators, and decorator expressions evaluated in order.
import functools
order = []
def trace(label):
    order.append(f"evaluate {label}")
    def decorator(func):
        order.append(f"apply {label} to {func.__name__}")
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            order.append(f"enter {label}")
            result = func(*args, **kwargs)
            order.append(f"exit {label}")
            return result
        return wrapper
    return decorator
@trace("outer")
@trace("inner")
def work(x):
    order.append(f"work {x}")
    return x * 2
print(order)
order.clear()
print(work(5), order)
print(work.__name__, work.__qualname__, work.__wrapped__.__name__, work.__wrapped__.__wrapped__.__name__)
def replace_with_value(func):
    return func.__name__.upper()
@replace_with_value
def shouting():
    pass
print(shouting, type(shouting).__name__)
class CountCalls:
    def __init__(self, func):
        functools.update_wrapper(self, func)
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)
@CountCalls
def hello(name):
    return f"hello {name}"
print(hello("a"), hello("b"), hello.calls, hello.__name__)
registry = {}
def register(name=None):
    def decorator(func):
        registry[name or func.__name__] = func
        return func
    return decorator
@register()
def alpha():
    return "a"
@register("b")
def beta():
    return "b"
print(sorted(registry), registry["b"](), alpha())
decorators = [trace("listed")]
@decorators[0]
def via_subscript():
    return "sub"
@(lambda f: lambda: f() + "!")
def via_lambda():
    return "lam"
print(via_subscript(), via_lambda())
class Host:
    @staticmethod
    @trace("static")
    def s(x):
        return x
    @trace("method")
    def m(self, y):
        return y
order.clear()
print(Host.s(1), Host().m(2), order)
def failing_decorator(func):
    raise ValueError(f"cannot decorate {func.__name__}")
try:
    @failing_decorator
    def victim():
        pass
except ValueError as error:
    print("ValueError:", error, "victim" in globals())
def not_callable_decorator():
    @5
    def x():
        pass
try:
    not_callable_decorator()
except TypeError as error:
    print("TypeError:", error)
