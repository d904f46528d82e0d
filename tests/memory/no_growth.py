# Runs compiled functions a million times and checks that the process does not grow:
# no reference leaks in generated code or the runtime. Exits 1 on growth.
import sys


def rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


class Box:
    def __init__(self, value):
        self.value = value

    def doubled(self):
        return Box(self.value * 2)


def work(i, scale=3, *rest, key=None, **options):
    values = [i, i + 1, (i, scale), {"k": i}]
    text = f"{i}-{scale}-{key}"
    def inner(x):
        return x + i
    total = inner(len(text)) + sum(v for v in range(3))
    try:
        if i % 5 == 0:
            raise ValueError(text)
    except ValueError as error:
        total += len(str(error))
    finally:
        total += 1
    box = Box(i).doubled()
    a, *b = values
    return total + box.value + len(b) + len(options) + len(rest)


def run(count):
    total = 0
    for i in range(count):
        total += work(i, 2, 7, key="k", extra=i)
    return total


run(200000)  # warm up: caches, free lists, allocator arenas
before = rss_kib()
result = run(1000000)
after = rss_kib()
growth = after - before
print(f"result {result}; RSS before {before} KiB, after {after} KiB, growth {growth} KiB")
sys.exit(0 if growth < 2048 else 1)
