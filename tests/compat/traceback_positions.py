# Traceback positions of many kinds of failing expressions and statements, printed
# with traceback.print_exc() for caught exceptions: lines, caret ranges (^ and ~),
# and frame names, as python3.11 prints them.
import sys
import traceback

def show(label, thunk):
    print(f"--- {label}")
    try:
        thunk()
    except Exception:
        traceback.print_exc(file=sys.stdout)

class Thing:
    __slots__ = ("a",)
    def method(self, value):
        return value.missing
none = None
data = {"k": [1, 2]}
def attribute(): return none.attr
def subscript(): return data["missing"]
def nested_subscript(): return data["k"][5]
def binary(): return data["k"][0] + "s" * 2
def call_non_callable(): return data()
def method_error(): return Thing().method(5)
def augmented():
    total = 1
    total += "s"
def unpack():
    a, b = [1, 2, 3]
def for_non_iterable():
    for item in 5:
        pass
def compare(): return 1 < "x"
def chained(): return 1 < 2 < "x"
def delete(): del data["nothing"]
def slot_store():
    thing = Thing()
    thing.b = 1
def call_args(): return len(1, 2)
def fstring(): return f"{'text':d}"
def star_call(): return print(*None)
def unbound():
    print(value)
    value = 1
def multi_line_call():
    return max(
        1,
        2 / 0,
    )
def keyword_value(): return dict(a=1, b=1 // 0)
def comprehension(): return [1 / x for x in (1, 0)]
def generator_next():
    gen = (1 / x for x in (0,))
    return next(gen)
def raise_statement(): raise ValueError("explicit")
def raise_from():
    try:
        {}["inner"]
    except KeyError as error:
        raise RuntimeError("outer") from error
def decorator_failure():
    def bad(func):
        return func.nope
    @bad
    def victim():
        pass
def default_failure():
    def f(x=1 / 0):
        pass
def method_chain(): return "a b".split().upper()
def import_failure():
    from math import does_not_exist
def index_call(): return [len][0](5)
def dict_display(): return {"a": 1, **None}
def conditional(): return 1 if none.flag else 2
def boolean(): return none or none.attr
def unary(): return -"text"
def lambda_error(): return (lambda q: q.x)(1)
for name, function in list(globals().items()):
    if callable(function) and getattr(function, "__module__", "") == "__main__" and name not in ("show", "Thing"):
        show(name, function)
