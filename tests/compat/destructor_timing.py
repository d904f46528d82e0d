# __del__ runs when the last reference goes away (CPython's reference counting): on
# del, rebinding, leaving a function, end of a temporary's statement, clearing a
# container, and the order of several objects going away.
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("delete", self.name)
    def touch(self):
        return f"touched {self.name}"
a = Tracked("a")
del a
print("after del a")
b = Tracked("b1")
b = Tracked("b2")
print("after rebinding b")
def scope():
    local = Tracked("local")
    print("in scope", local.name)
scope()
print("after scope")
print(Tracked("temp").touch())
print("after temporary")
items = [Tracked("i1"), Tracked("i2")]
items.clear()
print("after clear")
holder = {"k": Tracked("in dict")}
holder["k"] = None
print("after dict overwrite")
def returns():
    kept = Tracked("returned")
    dropped = Tracked("dropped")
    return kept
r = returns()
print("got", r.name)
r = None
print("after r = None")
x = y = Tracked("shared")
del x
print("x deleted, y alive:", y.name)
del y
print("after del y")
def loop():
    for i in range(2):
        obj = Tracked(f"loop{i}")
    print("loop done")
loop()
print("after loop")
class Container:
    def __init__(self):
        self.child = Tracked("child")
    def __del__(self):
        print("delete container")
c = Container()
del c
print("end of program")
b = None
