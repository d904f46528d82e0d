# input() at end of file, and exceptions crossing exec'd code and compiled code in both directions.
import sys
import traceback

try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)


def compiled_raiser(value):
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value * 2


namespace = {"compiled_raiser": compiled_raiser}
exec(
    "def interpreted(values):\n"
    "    out = []\n"
    "    for v in values:\n"
    "        out.append(compiled_raiser(v))\n"
    "    return out\n",
    namespace,
)
print(namespace["interpreted"]([1, 2]))
try:
    namespace["interpreted"]([3, -4])
except ValueError as e:
    for frame in traceback.extract_tb(e.__traceback__):
        print(frame.filename, frame.name, frame.lineno, frame.line)
    print(type(e).__name__, e)


def calls_back(callback):
    return callback() + 1


exec("def failing():\n    return {}['absent']\n", namespace)
try:
    calls_back(namespace["failing"])
except KeyError as e:
    print([(f.filename, f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
sys.stdout.flush()
exec("compiled_raiser(-1)", namespace)
