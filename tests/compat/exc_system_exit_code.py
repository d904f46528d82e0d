# sys.exit with an integer from inside a with block and a generator; __exit__ sees it.
import sys


class Guard:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("guard exit sees", kind.__name__, value.code)
        return False


def steps():
    yield 1
    sys.exit(42)


with Guard():
    for s in steps():
        print("step", s)
print("not reached")
