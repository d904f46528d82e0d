# global and nonlocal in nested functions and classes.
counter = 0


def bump():
    global counter
    counter += 1


def make():
    value = 0

    def inc():
        nonlocal value
        value += 1
        return value

    def reset():
        global value
        value = 0

    def reads():
        return value

    class Holder:
        nonlocal value
        value = 5

    return inc, reset, reads, Holder


def only_inner():
    def inner():
        global declared_in_inner
        declared_in_inner = 1
    return inner


class K:
    global from_class
    from_class = 1

    def m(self):
        return from_class
