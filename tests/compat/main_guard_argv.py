# __name__ == "__main__", sys.argv (only the program name), __file__-free module facts,
# sys.exit() from a nested function inside the main guard with an integer status.
import sys
def parse(argv):
    options = {"verbose": False, "names": []}
    for arg in argv[1:]:
        if arg == "-v":
            options["verbose"] = True
        else:
            options["names"].append(arg)
    return options
def main():
    print("module name:", __name__)
    print("argument count:", len(sys.argv))
    print("parsed:", parse(sys.argv))
    print("parsed synthetic:", parse(["prog", "-v", "a", "b"]))
    print("argv[0] is a string:", isinstance(sys.argv[0], str) and len(sys.argv[0]) > 0)
    print("main in sys.modules:", sys.modules["__main__"].__name__, "main" in dir(sys.modules["__main__"]))
    status = finish(2)
    print("never printed", status)
def finish(code):
    print("finishing with", code)
    sys.stdout.flush()
    try:
        sys.exit(code)
    finally:
        print("finally runs before exit")
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
