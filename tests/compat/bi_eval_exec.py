# eval and exec of simple strings with globals/locals dictionaries; errors from them.
x = 5
print(eval("x * 2"), eval("[i ** 2 for i in range(4)]"), eval("len('abc') + 1"))
print(eval("a + b", {"a": 1, "b": 2}), eval("x", {"x": "given globals"}), eval("y", {}, {"y": "locals"}))
namespace = {}
exec("def double(n):\n    return n * 2\nresult = double(21)", namespace)
print(namespace["result"], namespace["double"](4), "__builtins__" in namespace)
exec("z = x + 1")
print(z)


def in_function():
    local_value = 3
    return eval("local_value * 7")


print(in_function())
code = compile("sum(range(n))", "<expr>", "eval")
print(eval(code, {"n": 5}), code.co_filename)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
exec("class K:\n    v = 9\n", namespace)
print(namespace["K"].v, namespace["K"].__module__)
for source in ("1 +", "undefined_name", "1 / 0", "int('x')"):
    try:
        eval(source)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
    except Exception as e:
        print(type(e).__name__, e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("caught", e)
try:
    eval("import os")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(eval("lambda q: q + x")(1), eval(" 7 "), eval("(1,\n2)"))
print(exec("1"), eval("None"), eval("x", {}, {"x": "locals win"}))
