# json: dumps/loads round trips, options, custom encoders/decoders, errors.
import json

data = {"name": "Kiln", "version": [1, 2], "nested": {"ok": True, "none": None, "pi": 3.5}, "text": "é\n\"q\""}
text = json.dumps(data, sort_keys=True)
print(text)
print(json.loads(text) == data)
print(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
print(json.dumps([1, "a", None, False], separators=(",", ":")))
print(json.loads('[1, 2.5, "x", null, true, {"a": []}]'))
print(json.loads("1e3"), json.loads('"\\u00e9"'), json.dumps(float("inf")))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        return super().default(o)


def decode(obj):
    if "__point__" in obj:
        return Point(*obj["__point__"])
    return obj


encoded = json.dumps({"p": Point(1, 2)}, cls=PointEncoder)
print(encoded)
back = json.loads(encoded, object_hook=decode)
print(type(back["p"]).__name__, back["p"].x, back["p"].y)
print(json.dumps({"s": {3, 1}}, default=sorted))
try:
    json.dumps({"p": Point(0, 0)})
except TypeError as e:
    print(type(e).__name__, e)
for bad in ('{"a": }', "[1, 2", "", '{"a" 1}'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.lineno, e.colno, "|", e)
print(json.loads('{"a": 1, "a": 2}'), json.loads("[]", object_pairs_hook=list))
print(json.dumps({1: "int key", "2": "str"}), json.dumps("caf\u00e9"))
print(json.loads('{"big": 12345678901234567890}', parse_int=str))
