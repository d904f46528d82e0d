# Exceptions in loops: raising and catching built-in and user exceptions in hot
# loops, try/except/else/finally, exception chaining, and context managers.
class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__(f"{field}={value!r}")
        self.field = field
        self.value = value


class Tracker:
    def __init__(self):
        self.entered = 0
        self.suppressed = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, kind, value, traceback):
        if kind is ZeroDivisionError:
            self.suppressed += 1
            return True
        return False


def parse(token):
    try:
        return int(token)
    except ValueError:
        try:
            return float(token)
        except ValueError as error:
            raise ValidationError("token", token) from error


def validate(record):
    if record["age"] < 0:
        raise ValidationError("age", record["age"])
    if not record["name"]:
        raise ValidationError("name", record["name"])
    return record


def main():
    tokens = [str(i) if i % 3 else f"{i}.5" if i % 2 else f"x{i}" for i in range(500000)]
    total = 0.0
    bad = 0
    chained = 0
    for token in tokens:
        try:
            total += parse(token)
        except ValidationError as error:
            bad += 1
            if isinstance(error.__cause__, ValueError):
                chained += 1
    lookups = {i: i * i for i in range(0, 1000, 2)}
    missing = 0
    found = 0
    for i in range(800000):
        try:
            value = lookups[i % 1000]
        except KeyError:
            missing += 1
        else:
            found += value
        finally:
            found += 1
    tracker = Tracker()
    ratio = 0.0
    for i in range(500000):
        with tracker:
            ratio += 1 / (i % 5)
    valid = 0
    fields = {}
    for i in range(400000):
        record = {"age": i % 90 - 5, "name": "" if i % 11 == 0 else "n"}
        try:
            validate(record)
            valid += 1
        except ValidationError as error:
            fields[error.field] = fields.get(error.field, 0) + 1
    print(round(total, 2), bad, chained, missing, found)
    print(tracker.entered, tracker.suppressed, round(ratio, 6), valid, sorted(fields.items()))


main()
