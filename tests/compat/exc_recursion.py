# RecursionError from unbounded recursion is catchable, and the program goes on afterwards.
import sys


def forever(n):
    return forever(n + 1) + 1


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


class Node:
    def __init__(self):
        self.next = self

    def __repr__(self):
        return f"Node({self.next!r})"


print(sys.getrecursionlimit())
for function in (forever, mutual_a):
    try:
        function(0)
    except RecursionError as e:
        print(function.__name__, type(e).__name__, e)
try:
    repr(Node())
except RecursionError as e:
    print("repr:", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
sys.setrecursionlimit(200)
try:
    depth(1000)
except RecursionError as e:
    print("with a lower limit:", e)
print(depth(100))
