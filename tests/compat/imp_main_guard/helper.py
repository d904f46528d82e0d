import __main__

print("helper imported as", __name__)


def describe():
    return f"helper sees __main__.SETTING = {__main__.SETTING}"


if __name__ == "__main__":
    print("never printed: helper is not the main module")
