RECORDS = {1: "first"}


def lookup(key):
    return RECORDS[key]
