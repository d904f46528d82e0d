import builtins

LOADS = getattr(builtins, "_counter_loads", 0) + 1
builtins._counter_loads = LOADS


def loaded_twice():
    return LOADS == 2
