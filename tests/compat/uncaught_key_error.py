# An uncaught KeyError from a subscript several calls deep, including a call spread
# over several lines: the traceback shows each frame's line and caret range.
class Inventory:
    def __init__(self):
        self.stock = {"apple": 3, "pear": 0}

    def count(self, item):
        return self.stock[item]

    def total(self, *items):
        return sum(self.count(item) for item in items)


def report(inventory, names):
    print("checking", names)
    return inventory.total(
        *names,
    )


inventory = Inventory()
print(report(inventory, ["apple", "pear"]))
print(report(inventory, ["apple", "kiwi"]))
