# An uncaught NameError for a misspelled global inside a nested function call, with
# CPython's suggestion of the right name.
counter_total = 10


def compute(values):
    result = 0
    for value in values:
        result += value * counter_totl
    return result


def run():
    print("running")
    return compute([1, 2, 3])


print(run())
