# SystemExit with a string: the message goes to stderr, the status is 1; finally still runs.
import sys

try:
    try:
        sys.exit(0)
    except SystemExit as e:
        print("caught exit code", repr(e.code), e.args)
    try:
        raise SystemExit(4, "two args")
    except SystemExit as e:
        print("two-arg code", e.code)
    try:
        exit_code = None
        raise SystemExit
    except SystemExit as e:
        print("bare code", e.code)
    print("about to exit with a message")
    sys.stdout.flush()
    sys.exit("fatal: configuration missing")
finally:
    print("finally before exit")
