def f():
    return [x for x in range(3) for y in [z for z in (w := [1])]]
