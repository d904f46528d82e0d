# The module-level nonlocal is found when names are resolved, after the whole
# file was visited, so the duplicate argument below is reported first.
nonlocal x


def f(a, a):
    pass
