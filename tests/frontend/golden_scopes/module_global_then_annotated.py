# At module level `global x` followed by `x: int` is allowed.
global x
x: int = 1


def f():
    global y


y: str = "module"
