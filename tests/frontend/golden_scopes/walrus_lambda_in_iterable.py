# A lambda in a comprehension's outermost iterable still inherits the rule: no :=.
def f():
    return [x for x in (lambda: 1)()]
