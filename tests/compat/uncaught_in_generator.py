# An uncaught ValueError raised inside a generator while a for loop in a function
# consumes it: frames for the generator, the function and the module.
def parse(lines):
    for number, line in enumerate(lines, 1):
        key, value = line.split("=")
        yield key.strip(), int(value)


def load(lines):
    settings = {}
    for key, value in parse(lines):
        settings[key] = value
        print("loaded", key, value)
    return settings


print(load(["a = 1", "b=2"]))
print(load(["c = 3", "d = four"]))
