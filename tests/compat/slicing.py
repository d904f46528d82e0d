# Slicing: get, set and delete with simple and extended slices, negative steps,
# slice objects, __getitem__ receiving slices, and the errors.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[::100], "hello"[1:4], "hello"[::-1], (1, 2, 3)[1:], b"bytes"[1:3])
print(range(10)[2:8:3], list(range(10)[::-3]), "abcdef"[slice(1, None, 2)], s[slice(3)])
t = s[:]
t[2:4] = ["a", "b", "c"]
print(t)
t[1:1] = [99]
print(t)
t[::2] = "ABCDEF"
print(t)
t[:] = []
print(t)
u = list(range(8))
del u[1:3]
print(u)
del u[::2]
print(u)
del u[:]
print(u)
w = list(range(6))
w[len(w):] = [6, 7]
w[-1:] = []
print(w)
class Recorder:
    def __getitem__(self, key):
        return key
    def __setitem__(self, key, value):
        print("set", key, value)
    def __delitem__(self, key):
        print("del", key)
r = Recorder()
print(r[1:2], r[::], r[1:2:3], r[:, 1], r[..., 1:], r[1, 2:3, ::4], r["a":"b"])
r[1:2] = "v"
del r[::-1]
sl = slice(1, 8, 2)
print(sl.start, sl.stop, sl.step, sl.indices(5), slice(None).indices(3), s[sl])
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (TypeError, ValueError, IndexError) as error:
        print(label, "->", type(error).__name__, error)
def set_extended():
    x = list(range(6))
    x[::2] = [1, 2]
def set_tuple():
    x = (1, 2, 3)
    x[0:1] = [5]
def del_str():
    x = "abc"
    del x[0:1]
attempt("step 0", lambda: s[::0])
attempt("float index", lambda: s[1.5:2])
attempt("str slice", lambda: s["a":])
attempt("extended size", set_extended)
attempt("tuple assign", set_tuple)
attempt("str del", del_str)
five = 5
attempt("int slice", lambda: five[1:2])
attempt("index error", lambda: s[10])
attempt("neg index error", lambda: "abc"[-4])
attempt("non-iterable assign", lambda: s.__setitem__(slice(0, 1), 5))
