# print() with sep, end, file and flush; writing to stderr in between; str() of many
# objects; input() at end of input (stdin is empty) raises EOFError.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print(1, 2.5, None, True, [1, "x"], {"k": (1,)}, {3}, b"b", sep=",")
print("no newline", end="")
print(" continued")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep="-")
print(*"abc")
print("multi\nline")
print("x", end="\n\n")
print(sep="ignored")
sys.stdout.write("write returns " + str(sys.stdout.write("")) + "\n")
print("error line", 42, file=sys.stderr, sep=":")
class Custom:
    def __str__(self):
        return "Custom.__str__"
    def __repr__(self):
        return "Custom.__repr__"
print(Custom(), [Custom()], str(Custom()), repr(Custom()))
try:
    print("x", sep=5)
except TypeError as error:
    print("TypeError:", error)
try:
    print("x", end=[])
except TypeError as error:
    print("TypeError:", error)
try:
    print("x", file="not a file")
except AttributeError as error:
    print("AttributeError:", error)
try:
    value = input("prompt> ")
except EOFError as error:
    print()
    print("EOFError:", error)
print(sys.stdin.read() == "", sys.stdout.isatty())
