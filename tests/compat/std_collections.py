# collections: Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap.
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict, ChainMap

words = "the cat and the hat and the bat".split()
counts = Counter(words)
print(counts.most_common(2), counts["the"], counts["missing"])
counts.update(["cat", "cat"])
print(sorted(counts.items()))
print(Counter("abracadabra").most_common(3))
a, b = Counter(a=3, b=1), Counter(a=1, b=2, c=1)
print(sorted((a + b).items()), sorted((a - b).items()), sorted((a & b).items()), sorted((a | b).items()))
print(sorted(Counter(x=2, y=0).elements()), Counter(k=5).total())

groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(sorted(groups.items()))
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
print(defaultdict(int).default_factory, dict(defaultdict(str, {"k": "v"})))
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print(type(e).__name__, e)

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, d.maxlen)
d.rotate(2)
print(list(d), d.popleft(), d.pop(), list(d))
print(deque("abc")[1], deque(range(5))[-1])
try:
    deque().pop()
except IndexError as e:
    print(type(e).__name__, e)

Point = namedtuple("Point", ["x", "y"], defaults=[0])
p = Point(1)
print(p, p.x, p.y, p._asdict(), p._replace(y=9), Point._fields, Point._make([5, 6]))
x, y = Point(3, 4)
print(x + y, p == (1, 0), isinstance(p, tuple))
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)

od = OrderedDict([("b", 1), ("a", 2)])
od["c"] = 3
od.move_to_end("b")
print(list(od), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))

chain = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(chain["a"], chain["b"], sorted(chain), chain.maps[1])
child = chain.new_child({"c": 4})
print(child["c"], len(child))
