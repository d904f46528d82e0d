# Binary operator methods: forward, reflected (incl. subclass priority), in-place with
# fallback, NotImplemented, and CPython's messages when nothing applies.
trace = []
class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"{type(self).__name__}({self.v})"
    def _val(self, o):
        return o.v if isinstance(o, Num) else o
    def __add__(self, o):
        trace.append(f"{self!r}.__add__")
        if isinstance(o, (int, Num)):
            return Num(self.v + self._val(o))
        return NotImplemented
    def __radd__(self, o):
        trace.append(f"{self!r}.__radd__")
        if isinstance(o, int):
            return Num(o + self.v)
        return NotImplemented
    def __sub__(self, o):
        return Num(self.v - self._val(o))
    def __rsub__(self, o):
        return Num(self._val(o) - self.v)
    def __mul__(self, o):
        return Num(self.v * self._val(o))
    __rmul__ = __mul__
    def __truediv__(self, o):
        return Num(self.v / self._val(o))
    def __floordiv__(self, o):
        return Num(self.v // self._val(o))
    def __mod__(self, o):
        return Num(self.v % self._val(o))
    def __pow__(self, o, mod=None):
        return Num(pow(self.v, self._val(o), mod))
    def __rpow__(self, o):
        return Num(o ** self.v)
    def __matmul__(self, o):
        return ("matmul", self.v, self._val(o))
    def __divmod__(self, o):
        return ("divmod", self.v, o)
class Acc(Num):
    def __iadd__(self, o):
        trace.append("Acc.__iadd__")
        self.v += self._val(o)
        return self
    def __radd__(self, o):
        trace.append("Acc.__radd__")
        return Acc(self._val(o) + self.v + 1000)
def show(label, thunk):
    trace.clear()
    try:
        print(label, thunk(), trace)
    except TypeError as error:
        print(label, "TypeError:", error, trace)
a, b = Num(5), Num(3)
show("a+b", lambda: a + b)
show("a+1", lambda: a + 1)
show("1+a", lambda: 1 + a)
show("a+'s'", lambda: a + "s")
show("'s'+a", lambda: "s" + a)
show("a+Acc", lambda: a + Acc(1))
show("arith", lambda: (a - 1, 10 - a, a * 2, 2 * a, a / 2, a // 2, a % 3, a ** 2, 2 ** a))
show("pow3", lambda: pow(a, 2, 7))
show("matmul", lambda: a @ 4)
show("rmatmul", lambda: 4 @ a)
show("divmod", lambda: divmod(a, 2))
show("rdivmod", lambda: divmod(2, a))
acc = Acc(1)
alias = acc
trace.clear()
acc += 5
print(acc, acc is alias, trace)
n = Num(1)
keep = n
trace.clear()
n += 2
print(n, n is keep, trace)
x = [1]
y = x
x += [2]
print(x is y, y)
t = (1,)
u = t
t += (2,)
print(t is u, u, t)
class Never:
    pass
for label, thunk in [("+", lambda: Never() + 1), ("-", lambda: 1 - Never()), ("*", lambda: Never() * Never()),
                     ("@", lambda: 1 @ 2), ("**", lambda: Never() ** 2), ("pow3", lambda: pow(1, Never(), 3)),
                     ("<", lambda: Never() < 1), ("+list", lambda: [1] + (2,)), ("str*str", lambda: "a" * "b")]:
    show(label, thunk)
def aug_fail():
    z = Never()
    z += 1
show("aug", aug_fail)
def aug_fail2():
    s = "x"
    s -= "y"
show("aug2", aug_fail2)
