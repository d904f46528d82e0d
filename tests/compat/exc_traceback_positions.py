# More traceback positions: comprehension conditions, keys, f-strings, comparisons, augmented
# subscripts, asserts, with items, calls of non-callables, unpacking, attribute stores, del.
import traceback


def show(function, *args):
    try:
        function(*args)
    except Exception as e:
        frames = traceback.extract_tb(e.__traceback__)[1:]
        for frame in frames:
            print(f"{frame.name}:{frame.lineno} [{frame.colno}:{frame.end_colno}] {frame.line}")
        print(f"  -> {type(e).__name__}: {e}")


def condition(values):
    return [v for v in values if 10 / v > 1]


def dict_key(values):
    return {v["k"]: v for v in values}


def fstring(value):
    return f"value={value:>{5}d}"


def chained(a, b, c):
    return a < b < c


def augmented(data):
    data["count"] += 1


def asserting(value):
    assert value > 0, f"not positive: {value}"


class Bad:
    def __enter__(self):
        raise OSError("no entry")

    def __exit__(self, *exc):
        return False


def with_item():
    with open("/dev/null") as ok, Bad() as bad:
        pass


def call_none(handler):
    return handler(1)


def unpack(pair):
    first, second = pair
    return first


def store(obj):
    obj.attribute = 1


def delete(mapping):
    del mapping["missing"]


def generator_sum(values):
    return sum(1 / v for v in values)


show(condition, [1, 0])
show(dict_key, [{"k": 1}, {}])
show(fstring, "text")
show(chained, 1, 2, "x")
show(augmented, {})
show(asserting, -1)
show(with_item)
show(call_none, None)
show(unpack, [1])
show(store, 5)
show(delete, {})
show(generator_sum, [2, 0])
show(sorted, [3, 1], None, 5)
