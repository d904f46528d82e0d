# del of names (local, global, in classes), attributes, items, slices and tuples of targets.
g = 1
def drop_global():
    global g
    del g
drop_global()
print("g" in globals())
def local_del():
    x = 5
    del x
    try:
        print(x)
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    x = 6
    return x
print(local_del())
a, b, c = 1, 2, 3
del a, (b, c)
print([name in globals() for name in ("a", "b", "c")])
try:
    del a
except NameError as error:
    print("NameError:", error)
class C:
    x = 1
    y = 2
    del y
    def m(self):
        pass
obj = C()
obj.attr = 1
del obj.attr
print(hasattr(obj, "attr"), hasattr(C, "y"), C.x)
try:
    del obj.attr
except AttributeError as error:
    print("AttributeError:", error)
try:
    del obj.x
except AttributeError as error:
    print("AttributeError:", error)
del C.x
print(hasattr(C, "x"))
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
try:
    del d["zz"]
except KeyError as error:
    print("KeyError:", error)
lst = [0, 1, 2, 3, 4]
del lst[0], lst[-1]
print(lst)
try:
    del lst[10]
except IndexError as error:
    print("IndexError:", error)
def closure():
    v = "cell"
    def read():
        return v
    del v
    try:
        return read()
    except NameError as error:
        return f"NameError: {error}"
print(closure())
try:
    del (1, 2)[0]
except TypeError as error:
    print("TypeError:", error)
try:
    del "abc"[0]
except TypeError as error:
    print("TypeError:", error)
for i in range(3):
    pass
del i
print("i" in dir())
