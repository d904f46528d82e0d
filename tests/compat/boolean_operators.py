# and/or return one of their operands, short-circuit, and call __bool__/__len__ once.
log = []
def v(label, value):
    log.append(label)
    return value

class Truthy:
    def __init__(self, name, truth):
        self.name, self.truth = name, truth
    def __bool__(self):
        log.append("bool " + self.name)
        return self.truth
    def __repr__(self):
        return self.name

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        log.append(f"len {self.n}")
        return self.n
    def __repr__(self):
        return f"Sized({self.n})"

def show(label, thunk):
    log.clear()
    print(label, repr(thunk()), log)

show("0 or 5", lambda: v("a", 0) or v("b", 5))
show("3 or 5", lambda: v("a", 3) or v("b", 5))
show("0 and 5", lambda: v("a", 0) and v("b", 5))
show("3 and 5", lambda: v("a", 3) and v("b", 5))
show("'' or [] or None", lambda: v("a", "") or v("b", []) or v("c", None))
show("1 and 2 and 3", lambda: v("a", 1) and v("b", 2) and v("c", 3))
show("1 and 0 and 3", lambda: v("a", 1) and v("b", 0) and v("c", 3))
show("mix", lambda: v("a", 0) and v("b", 1) or v("c", 2))
show("mix2", lambda: v("a", 1) or v("b", 0) and v("c", 2))
show("Truthy", lambda: Truthy("T", True) and Truthy("F", False))
show("Truthy or", lambda: Truthy("F", False) or Truthy("T", True))
show("Sized", lambda: Sized(0) or Sized(2))
show("not Sized", lambda: not Sized(3))
show("not not", lambda: not not Truthy("X", False))
show("if", lambda: "yes" if Truthy("c", True) else "no")
r = []
for value in (0, 1, "", "x", None, [], [0], {}, 0.0, 0j, (), (None,), range(0), range(2)):
    r.append((value or "F") if not value else "T")
print(r)

class Bad:
    def __bool__(self):
        return 1
class Raises:
    def __bool__(self):
        raise ValueError("no truth here")
class BadLen:
    def __len__(self):
        return -1
for obj in (Bad(), Raises(), BadLen()):
    try:
        print(obj and 1)
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)
    try:
        if obj:
            print("truthy")
    except (TypeError, ValueError) as error:
        print("if:", type(error).__name__, error)
x = None
print(x or "default", x and x.missing, [] or {} or 0, (1, 2) and "pair")
