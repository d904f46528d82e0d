# KeyboardInterrupt raised explicitly: not caught by except Exception, caught by BaseException;
# uncaught at the end, so the process dies the way python3.11 does.
import sys


def work():
    raise KeyboardInterrupt("stop requested")


try:
    work()
except Exception:
    print("not reached: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("caught", type(e).__name__, e, isinstance(e, Exception))

try:
    try:
        raise KeyboardInterrupt
    finally:
        print("finally runs for KeyboardInterrupt")
except KeyboardInterrupt as e:
    print("outer caught", repr(e))

print(issubclass(KeyboardInterrupt, BaseException), KeyboardInterrupt.__mro__[1].__name__)
sys.stdout.flush()


def deep():
    raise KeyboardInterrupt


deep()
