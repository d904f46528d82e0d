# globals() and locals() at module level and in functions; writing through globals().
x = 10
g = globals()
print(g["x"], g is globals(), locals() is globals())
g["created"] = "via globals()"
print(created)
print(__name__, "__builtins__" in g, sorted(k for k in g if not k.startswith("__")))


def f(a, b=2):
    c = a + b
    return sorted(locals().items())


print(f(1))


def uses_global():
    global counter
    counter = globals().get("counter", 0) + 1
    return counter


uses_global()
print(uses_global(), globals()["counter"])


def closure():
    outer_var = "captured"

    def inner():
        return sorted(locals())

    def inner_uses():
        return outer_var, sorted(locals())

    return inner(), inner_uses()


print(closure())


class Namespace:
    a = 1
    b = a + 1
    names = sorted(k for k in locals() if not k.startswith("__"))


print(Namespace.names)
del g["created"]
try:
    created
except NameError as e:
    print(type(e).__name__, e)
print(globals().get("missing", "no such global"), "f" in globals(), callable(globals()["f"]))
exec("exec_made = 5", globals())
print(exec_made)
