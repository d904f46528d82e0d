# An uncaught exception with a chained context and cause: both tracebacks are printed.
import json


def parse(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"bad config: {text!r}") from e


def load(text):
    try:
        return parse(text)["key"]
    except KeyError:
        pass
    finally:
        print("load finished")


def main():
    print(load('{"key": 1}'))
    try:
        load('{"other": 2}')["x"]
    except TypeError:
        error = {"items": []}
        error["items"][3]


main()
