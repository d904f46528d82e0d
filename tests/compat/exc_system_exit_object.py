# sys.exit with a non-integer, non-string object: it is printed to stderr and the status is 1;
# finally blocks and context managers run while SystemExit propagates.
import sys


class Cleanup:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("cleanup sees", kind.__name__, repr(value.code))
        return False


def shutdown(reason):
    try:
        with Cleanup():
            sys.exit(reason)
    finally:
        print("finally in shutdown")


try:
    shutdown(True)
except SystemExit as e:
    print("caught code", e.code, type(e.code).__name__)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("tuple code", e.code)
try:
    exit(5)
except SystemExit as e:
    print("builtin exit()", e.code)
try:
    quit()
except SystemExit as e:
    print("builtin quit()", e.code, repr(exit))
sys.stdout.flush()
shutdown(["reason", 42])
