"""The launcher tests' program: imports json, decimal (lib-dynload) and collections.

With no argument it prints results that /usr/bin/python3.11 prints identically; the
launcher tests compare the two. Other modes exercise the launcher:
    info         sys.executable, sys.argv[0], whether KILN_LAUNCHER leaked
    exit N       exits with status N
    kill         kills itself with SIGTERM
    sleep        prints "ready", then sleeps (the test signals the launcher)
    stdin        echoes standard input
    libraries    imports ssl and sqlite3 (extension modules needing libssl, libsqlite3)
"""
import collections
import decimal
import json
import os
import signal
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "results"
if mode == "results":
    import _decimal
    counts = collections.Counter("abracadabra")
    print(json.dumps({"counts": counts.most_common(3), "nested": [1, 2.5, None, True]},
                     sort_keys=True))
    print(decimal.Decimal("1.1") + decimal.Decimal("2.2"), decimal.Decimal(1) / 7)
    print("C decimal:", decimal.Decimal is _decimal.Decimal)
    Point = collections.namedtuple("Point", "x y")
    print(Point(1, 2), collections.OrderedDict(b=1, a=2), collections.deque(range(3)))
    print(json.loads('{"a": [1, 2, {"b": null}]}'))
elif mode == "info":
    print("executable", sys.executable)
    print("argv0", sys.argv[0])
    print("leaked", "KILN_LAUNCHER" in os.environ)
elif mode == "exit":
    sys.exit(int(sys.argv[2]))
elif mode == "kill":
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(5)
elif mode == "sleep":
    print("ready", flush=True)
    time.sleep(30)
    print("not killed")
elif mode == "libraries":
    import sqlite3
    import ssl
    print(ssl.OPENSSL_VERSION, sqlite3.sqlite_version)
    print(sqlite3.connect(":memory:").execute("select 6 * 7").fetchone())
elif mode == "stdin":
    print(sys.stdin.read().upper(), end="")
