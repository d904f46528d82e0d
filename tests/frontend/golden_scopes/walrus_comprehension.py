# `:=` inside a comprehension binds in the nearest enclosing function (or module).
def f(data):
    if any((hit := value) > 3 for value in data):
        return hit
    total = 0
    [(total := total + v) for v in data]
    return total


def declared_global(data):
    global last
    [(last := v) for v in data]


def nested(data):
    def inner():
        return [[(deep := a + b) for b in data] for a in data]
    return inner


lam = lambda seq: [(seen := s) for s in seq]
found = [(module_level := k) for k in range(3)]
print([y := 5, y ** 2])
