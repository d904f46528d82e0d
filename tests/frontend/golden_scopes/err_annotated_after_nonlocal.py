def outer():
    y = 0

    def f():
        nonlocal y
        y: int
