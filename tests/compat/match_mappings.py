# match: mapping patterns, **rest, get() with a sentinel, what counts as a mapping.
import collections
import collections.abc


def config(value):
    match value:
        case {}:
            if not value:
                return "empty mapping"
            return f"mapping without the keys: {sorted(value)}"
        case _:
            return "not a mapping"


def describe(value):
    match value:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x} {y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle {r} rest={rest}"
        case {1: one, 2: _}:
            return f"int keys {one}"
        case {"nested": {"deep": [first, *_]}}:
            return f"nested {first}"
        case {"any": _, **rest} if not rest:
            return "only any"
        case {**everything}:
            return f"everything {sorted(everything.items())}"
        case _:
            return "not a mapping"


for value in [{"type": "point", "x": 1, "y": 2, "extra": 3},
              {"type": "circle", "r": 5, "color": "red", "alpha": 1},
              {"type": "circle"},
              {1: "a", 2: "b", 3: "c"},
              {"nested": {"deep": [9, 8]}},
              {"any": None},
              {"any": None, "more": 1},
              {"a": 1},
              [("type", "point")],
              "type"]:
    print(value, "->", describe(value))

print(config({}), "|", config({"k": 1}), "|", config([]))

# defaultdict: get() never creates keys.
counts = collections.defaultdict(int, {"a": 1})
match counts:
    case {"b": _}:
        print("has b")
    case {"a": a}:
        print("has a", a)
print("keys after match", sorted(counts))

# rest is a dict copy without the matched keys, and the subject is unchanged.
ordered = collections.OrderedDict([("z", 1), ("y", 2), ("x", 3)])
match ordered:
    case {"y": y, **rest}:
        print("y", y, "rest", rest, type(rest).__name__)
print("ordered still", list(ordered))


# A Mapping that logs how it is used.
class Logged(collections.abc.Mapping):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        print("  getitem", key)
        return self.data[key]

    def __iter__(self):
        print("  iter")
        return iter(self.data)

    def __len__(self):
        print("  len")
        return len(self.data)

    def get(self, key, default=None):
        print("  get", key)
        return self.data.get(key, default)


match Logged({"a": 1, "b": 2}):
    case {"a": 1, "c": _}:
        print("unexpected")
    case {"a": 1, **rest}:
        print("rest from a Mapping", rest)

# Value patterns as keys.
class Keys:
    A = "a"
    B = "b"

match {"a": 10, "b": 20}:
    case {Keys.A: first, Keys.B: second}:
        print("value keys", first, second)

# A value that fails a sub-pattern: no names bound.
def unbound():
    match {"x": 1, "y": "no"}:
        case {"x": x, "y": int()}:
            pass
    try:
        return x
    except UnboundLocalError:
        return "x unbound"

print(unbound())
