# Functions the lowering does not handle yet are compiled on the direct path; dump-ir
# names them and the construct that keeps them there.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def guarded(value):
    try:
        return 10 // value
    except ZeroDivisionError:
        return None


print(list(numbers(3)), guarded(0), guarded(5))
