# print with sep, end, file and flush; printing various objects.
import io
import sys

print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=" -> ", end=" <end>\n")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, sep="|")
print("no newline", end="")
print(" continued")
print(*range(5), sep=", ")
print(*"abc")
print("to stderr", file=sys.stderr)
buffer = io.StringIO()
print("into", "buffer", sep="_", end="!", file=buffer)
print(repr(buffer.getvalue()))
print("flushed", flush=True)
print(sep=None, end=None)
print("None sep", "works", sep=None)
print("", "", sep="x")
for bad in ({"sep": 5}, {"end": b"bytes"}):
    try:
        print("x", **bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    print("x", file=42)
except AttributeError as e:
    print(type(e).__name__, e)


class Shown:
    def __str__(self):
        return "str of Shown"

    def __repr__(self):
        return "repr of Shown"


print(Shown(), [Shown()], (Shown(),), f"{Shown()!r}")
print("unicode: é ü 中文 \u2603", "\ttab", "escaped \\n")
print(b"bytes", bytearray(b"ba"), 1e100, 1.0, -0.0, 10**25, 3+4j)
print(print.__name__, callable(print))
print(sys.stdout.write("write returns length\n"))
sys.stderr.write("stderr via write\n")
