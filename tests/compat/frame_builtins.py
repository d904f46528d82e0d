# Builtins that read the caller's frame: globals(), locals(), vars(), dir() without
# arguments, and eval()/exec() with only a source string, at module level, in
# functions (including closures) and in class bodies; shadowed names are plain calls.
module_value = 1
print(sorted(k for k in globals() if not k.startswith("__")), globals()["module_value"])
print(locals() is globals(), vars() is globals(), "module_value" in dir())
def function(a, b=2, *args, **kwargs):
    local = a + b
    def inner():
        return local
    snapshot = locals()
    print(sorted(snapshot), snapshot["a"], snapshot["local"], sorted(vars()), dir())
    print(eval("a + b + local"), eval("module_value"), globals() is function.__globals__)
    exec("print('exec sees', a, local)")
    return inner
function(10, 20, 30, key="v")
def closure_reader():
    captured = "cell"
    def reader():
        return sorted(locals()), captured
    return reader()
print(closure_reader())
def unbound_left_out():
    later = 0
    before = sorted(locals())
    del later
    return before, sorted(locals())
print(unbound_left_out())
class Body:
    x = 1
    y = x + 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    seen_by_eval = eval("x + y")
    exec("z = x * 100")
    listing = dir()
print(Body.names, Body.seen_by_eval, Body.z, [n for n in Body.listing if not n.startswith("__")])
exec("created_by_exec = 'yes'")
print(created_by_exec, eval("created_by_exec.upper()"))
def shadowing():
    def locals():
        return "my locals"
    def dir():
        return "my dir"
    return locals(), dir()
print(shadowing())
def shadow_globally():
    return vars()
print(sorted(shadow_globally()))
def failing_eval():
    value = 5
    return eval("value / 0")
try:
    failing_eval()
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    eval("undefined_thing")
except NameError as error:
    print("NameError:", error)
try:
    exec("syntax error here")
except SyntaxError as error:
    print("SyntaxError:", error.msg)
print(eval("1 + 1", {}), eval("q * 2", {"q": 21}), eval("x", {"x": "g"}, {"x": "l"}))
