# Assignment expressions: in conditions, while loops, comprehensions (binding in the
# enclosing scope), nested functions and at module level.
import re
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
chunks = iter(["ab", "cd", "", "ef"])
while (chunk := next(chunks)):
    print("chunk", chunk)
print("after loop", repr(chunk))
values = [y for x in data if (y := x * 2) > 6]
print(values, y)
total = 0
running = [total := total + x for x in data]
print(running, total)
print([(last := c) for c in "xyz"], last)
print(any((hit := x) > 7 for x in data), hit)
def find(pattern, text):
    if (m := re.search(pattern, text)) is not None:
        return m.group(0)
    return None
print(find(r"\d+", "abc 123 def"), find(r"\d+", "none"))
def counter():
    items = []
    def inner():
        return [(found := i) for i in range(3)], found
    return inner()
print(counter())
def scope_test():
    [inside := k for k in range(4)]
    return inside
print(scope_test())
print((a := 10) + (b := 20), a, b, (c := (d := 5) * 2), c, d)
lines = ["x=1", "bad", "y=22"]
parsed = {m.group(1): int(m.group(2)) for line in lines if (m := re.match(r"(\w)=(\d+)", line))}
print(parsed)
def g(x):
    return (z := x + 1) * z
print(g(3))
try:
    print([w := 1 / q for q in (1, 0)])
except ZeroDivisionError as error:
    print("error", error, w)
