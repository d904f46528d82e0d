# SystemExit(None) and uncaught SystemExit from a nested function exit with status 0, quietly.
import atexit


def goodbye():
    print("atexit handler ran")


atexit.register(goodbye)


def stop():
    raise SystemExit(None)


def outer():
    try:
        stop()
    except Exception:
        print("not reached: SystemExit is not an Exception")


print("start")
outer()
print("not reached")
