def f():
    def g():
        if True:
            nonlocal missing
        return missing
    return g
