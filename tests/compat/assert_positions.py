# Where python3.11 reports a failing assert: the statement, or the last comparison in
# the test's and/or/not/if-else structure, shown through traceback.print_exc().
import sys
import traceback
x, y, items = 0, 1, []
def f(value):
    return value
def check(label, thunk):
    print("---", label)
    try:
        thunk()
    except AssertionError:
        traceback.print_exc(file=sys.stdout)
def name_test(): assert x
def call_test(): assert f(x)
def and_test(): assert x and y
def not_test(): assert not y
def compare_test(): assert x == 1, "m"
def or_compare(): assert x == 1 or y == 0
def and_compare_then_name(): assert x == 0 and items
def chained_test(): assert x < 1 < 0
def not_compare(): assert not x == 0
def ifexp_test(): assert (x == 1) if y else 0
def ifexp_name(): assert items if y else x == 0
def in_test(): assert x in items, f"{x} not in {items}"
def is_test(): assert items is None
def call_of_compare(): assert f(x == 1)
def multi_line():
    assert (x ==
            1)
for name, function in list(globals().items()):
    if name.endswith(("_test", "_compare", "_name", "_line", "then_name")) and callable(function):
        check(name, function)
