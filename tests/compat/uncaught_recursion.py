# Unbounded recursion that nobody catches: RecursionError, with the traceback's
# "[Previous line repeated N more times]" summary (N depends on the recursion limit
# being counted per compiled function exactly as CPython counts frames).
import sys


def countdown(n):
    if n == -1:
        return "never"
    return countdown(n + 1)


print("limit", sys.getrecursionlimit())
print(countdown(-5))
print(countdown(0))
