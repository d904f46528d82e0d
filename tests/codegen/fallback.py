# Functions the lowering does not handle yet are compiled on the direct path; dump-ir
# names them and the construct that keeps them there.
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def import_inside():
    import json
    return json.dumps([1])


print(list(numbers(3)), import_inside())
