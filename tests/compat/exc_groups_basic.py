# Exception groups without except*: construction, subgroup, split, derive, catching as a whole.
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(type(eg).__name__, str(eg), eg.message)
print([repr(e) for e in eg.exceptions])

values = eg.subgroup(ValueError)
print(repr(values.message), [str(e) for e in values.exceptions])
match, rest = eg.split(TypeError)
print([str(e) for e in match.exceptions], [str(e) for e in rest.exceptions])
print(eg.subgroup(KeyError))
print(eg.subgroup(lambda e: str(e).endswith("2")).exceptions)

nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b")])])
print(str(nested), len(nested.exceptions))
print(nested.subgroup(KeyError).exceptions[0].exceptions)

try:
    raise eg
except ExceptionGroup as caught:
    print("caught group with", len(caught.exceptions), "exceptions")

try:
    raise ExceptionGroup("g", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)

beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("only exceptions", [ValueError()])
print(type(beg2).__name__)

for bad in (lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup(1, [ValueError()])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


mg = MyGroup("mine", [ValueError(1), KeyError(2)])
sub = mg.subgroup(ValueError)
print(type(sub).__name__, sub.message)
try:
    raise mg
except ValueError:
    print("not a ValueError")
except Exception as e:
    print("generic handler:", type(e).__name__, isinstance(e, ExceptionGroup))
