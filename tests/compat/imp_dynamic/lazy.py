_calls = []


def __getattr__(name):
    _calls.append(name)
    if name == "answer":
        return 42
    if name == "computed_twice":
        return len(_calls)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return ["answer", "computed_twice", "extra"]
