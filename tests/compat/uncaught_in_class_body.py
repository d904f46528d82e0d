# An uncaught exception raised while a nested class body runs: the traceback has
# frames named after the classes.
def lookup(table, key):
    return table[key]


class Settings:
    defaults = {"color": "blue"}
    color = lookup(defaults, "color")
    print("Settings.color", color)

    class Nested:
        sizes = [1, 2, 3]
        fourth = sizes[3]


print("not reached")
