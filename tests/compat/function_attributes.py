# Function attributes: __name__, __qualname__, __doc__, __module__, __defaults__,
# __kwdefaults__, __dict__, __code__ (co_varnames, co_argcount, ...), and assignment.
def documented(a, b=2, *args, c, d=4, **kwargs):
    """Adds things.

    More text."""
    local_one = a + b
    local_two = local_one * 2
    return local_two
print(documented.__name__, documented.__qualname__, documented.__module__)
print(repr(documented.__doc__))
print(documented.__defaults__, documented.__kwdefaults__)
code = documented.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames, code.co_nlocals, code.co_filename.endswith("function_attributes.py"))
print(bool(code.co_flags & 0x04), bool(code.co_flags & 0x08), bool(code.co_flags & 0x20))
def gen():
    yield 1
print(bool(gen.__code__.co_flags & 0x20), gen.__code__.co_firstlineno)
def undocumented():
    x = 1
    "not a docstring"
print(undocumented.__doc__, undocumented.__code__.co_varnames)
class Outer:
    def method(self):
        def inner():
            pass
        return inner
    class Nested:
        def deep(self):
            pass
print(Outer.method.__qualname__, Outer().method().__qualname__, Outer.Nested.deep.__qualname__)
print(Outer.method.__code__.co_varnames, Outer.Nested.__qualname__)
documented.custom = "attribute"
print(documented.__dict__, vars(documented)["custom"])
documented.__name__ = "renamed"
documented.__qualname__ = "Some.renamed"
documented.__doc__ = "new doc"
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__code__.co_name)
try:
    documented(1)
except TypeError as error:
    print("TypeError:", error)
def closure_owner():
    captured = 1
    def user(p):
        q = p + captured
        return q
    return user
u = closure_owner()
print(u.__code__.co_varnames, u.__code__.co_freevars, closure_owner.__code__.co_cellvars)
print(type(documented).__name__, callable(documented), documented.__globals__ is globals())
print((lambda: 0).__name__, (lambda: 0).__code__.co_name, len.__name__, len.__qualname__)
try:
    documented.__name__ = 5
except TypeError as error:
    print("TypeError:", error)
try:
    del documented.__name__
except TypeError as error:
    print("TypeError:", error)
print(hasattr(documented, "__wrapped__"), getattr(documented, "missing", "default"))
try:
    documented.missing
except AttributeError as error:
    print("AttributeError:", error)
