# Recursion: direct, mutual, deep (within the default limit), memoised, recursive
# generators and data structures, and RecursionError.
import sys
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(factorial(20), factorial(50) % 1000007, [fib(n) for n in range(15)])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7), is_odd(300))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(800))
def flatten(item):
    if isinstance(item, list):
        for sub in item:
            yield from flatten(sub)
    else:
        yield item
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
def hanoi(n, source, target, spare, moves):
    if n:
        hanoi(n - 1, source, spare, target, moves)
        moves.append((source, target))
        hanoi(n - 1, spare, target, source, moves)
    return moves
print(len(hanoi(8, "A", "C", "B", [])), hanoi(2, "A", "C", "B", []))
def permutations(items):
    if len(items) <= 1:
        return [items]
    return [[items[i]] + rest for i in range(len(items)) for rest in permutations(items[:i] + items[i + 1:])]
print(permutations([1, 2, 3]))
memo = {}
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = ways(n - 1) + ways(n - 2) + ways(n - 3)
    return memo[n]
print(ways(60))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as error:
    print("RecursionError:", error)
class Node:
    def __init__(self, value, children=()):
        self.value, self.children = value, list(children)
    def total(self):
        return self.value + sum(child.total() for child in self.children)
    def __repr__(self):
        return f"Node({self.value}, {self.children})" if self.children else f"Node({self.value})"
tree = Node(1, [Node(2, [Node(4)]), Node(3)])
print(tree.total(), tree)
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as error:
    print("RecursionError:", error)
nested = [1]
nested.append(nested)
print(nested, sys.getrecursionlimit())
