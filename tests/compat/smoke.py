import sys

def greet(name, punct="!"):
    return f"Hello, {name}{punct}"

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def norm2(self):
        return self.x * self.x + self.y * self.y

def gen(n):
    for i in range(n):
        yield i * i
    return "done"

def outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    inc(); inc()
    return inc()

print(greet("world"))
print(greet("Kiln", punct="?"))
p = Point(3, 4)
print(p, p.norm2())
print(list(gen(5)), sum(x for x in range(10)), [a * 2 for a in [1, 2, 3] if a > 1])
print({k: v for k, v in zip("abc", range(3))})
print(outer())
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("finally")
a, *b, c = range(6)
print(a, b, c)
with open("/dev/null") as f:
    print(f.name)
print(sys.argv[0] != "")
class B(Point):
    def norm2(self):
        return super().norm2() * 2
print(B(1, 2).norm2())
