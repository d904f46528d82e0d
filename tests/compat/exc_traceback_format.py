# Traceback entries printed by the traceback module: lines, caret ranges and anchors.
import sys
import traceback


def show(function, *args):
    try:
        function(*args)
    except Exception:
        traceback.print_exc(file=sys.stdout)
        print("-" * 20)


class Thing:
    def __init__(self):
        self.items = {"a": [1, 2]}

    def method(self, key):
        return self.items[key][5]


def binary(a, b):
    return a + b * 2


def nested_calls(data):
    return len(str(int(data["value"])))


def multi_line(values):
    return sum(
        v * 2
        for v in values
    )


def attribute_chain(obj):
    return obj.first.second


def looping(items):
    total = 0
    for item in items:
        total += item
    return total


def comprehension(values):
    return [1 / v for v in values]


def unpacking(pair):
    a, b = pair
    return a, b


show(Thing().method, "a")
show(Thing().method, "b")
show(binary, 1, "x")
show(nested_calls, {"value": "nan?"})
show(multi_line, [1, None])
show(attribute_chain, Thing())
show(looping, [1, "two"])
show(looping, 5)
show(comprehension, [1, 0])
show(unpacking, (1, 2, 3))
show(lambda: {}["key"])
show(lambda x: x.upper(), 5)
print("exc_info:", sys.exc_info())
