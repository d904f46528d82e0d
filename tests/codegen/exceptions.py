# try/except/else: the caught exception and the previously handled one are values;
# errors in the body go to the handler with a traceback entry, errors while matching
# or inside a clause restore the handled exception and go on without another entry.
def parse(text, default):
    try:
        value = int(text)
    except ValueError as error:
        print("bad", error)
        return default
    except TypeError:
        raise
    else:
        value += 1
    return value


print(parse("4", 0), parse("x", -1))
