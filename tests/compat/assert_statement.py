# assert with and without a message; the message is only evaluated on failure; the
# exception's args; assert inside functions and loops.
log = []
def message(text):
    log.append(text)
    return text
assert True
assert 1 == 1, message("never evaluated")
assert [0], message("never")
print("log after passing asserts:", log)
def check(value):
    assert value > 0, f"value must be positive, got {value}"
    return value * 2
for value in (3, -1, 0):
    try:
        print(check(value))
    except AssertionError as error:
        print("AssertionError:", error, error.args)
try:
    assert False
except AssertionError as error:
    print("bare:", repr(error), error.args)
try:
    assert 0, message("evaluated now")
except AssertionError as error:
    print("with message:", error, log)
try:
    assert [], ["a", "list", "message"]
except AssertionError as error:
    print("list message:", error.args[0])
try:
    assert None, None
except AssertionError as error:
    print("None message:", error.args)
class Falsy:
    def __bool__(self):
        log.append("bool called")
        return False
log.clear()
try:
    assert Falsy(), "falsy object"
except AssertionError as error:
    print(error, log)
def nested():
    for i in range(5):
        assert i < 3, i
try:
    nested()
except AssertionError as error:
    print("loop assert:", error.args)
try:
    assert 1 // 0
except ZeroDivisionError as error:
    print("test raised:", error)
try:
    assert False, 1 // 0
except ZeroDivisionError as error:
    print("message raised:", error)
AssertionError = ValueError
try:
    assert False, "shadowed name"
except Exception as error:
    print(type(error).__name__, error)
