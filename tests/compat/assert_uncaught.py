# A failing assert that nobody catches: traceback with the assert line, exit status 1.
def validate(config):
    assert "name" in config, "config needs a name"
    return config["name"]

def load(entries):
    names = []
    for entry in entries:
        names.append(validate(entry))
    return names

print(load([{"name": "a"}, {"name": "b"}]))
print(load([{"name": "c"}, {"size": 1}]))
print("not reached")
