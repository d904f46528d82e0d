# An uncaught exception with notes, raised from a nested call inside a with block.
class Step:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        if error is not None:
            error.add_note(f"while running step {self.name!r}")
        return False


def parse(text):
    return int(text)


def run(items):
    total = 0
    for item in items:
        with Step(f"parse {item}"):
            total += parse(item)
    return total


print(run(["1", "2"]))
print(run(["3", "four"]))
