import sys


def greet(name):
    return f"Hello, {name}! (Python {sys.version_info.major}.{sys.version_info.minor})"


if __name__ == "__main__":
    print(greet(sys.argv[1] if len(sys.argv) > 1 else "world"))
