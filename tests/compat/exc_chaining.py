# Exception chaining: __context__, __cause__, __suppress_context__, raise ... from None.
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("implicit")


def explicit():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("explicit") from e


def suppressed():
    try:
        [][0]
    except IndexError:
        raise LookupError("suppressed") from None


def from_class():
    raise TypeError("t") from KeyError


for f in (implicit, explicit, suppressed, from_class):
    try:
        f()
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
        print("  cause:", repr(e.__cause__))
        print("  context:", repr(e.__context__))
        print("  suppress:", e.__suppress_context__)

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)

e = ValueError("manual")
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = "bad"
except TypeError as err:
    print(type(err).__name__, err)


def context_in_finally():
    try:
        raise KeyError("first")
    finally:
        try:
            raise ValueError("second")
        except ValueError as e:
            print("in finally:", repr(e.__context__))


try:
    context_in_finally()
except KeyError as e:
    print("finally context:", repr(e), repr(e.__context__))


def self_context():
    err = ValueError("same")
    try:
        raise err
    except ValueError:
        try:
            raise err
        except ValueError as again:
            return again.__context__ is None


print("no self-context cycle:", self_context())

try:
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise IndexError("b")
        except IndexError:
            raise ValueError("c")
except ValueError as c:
    print(repr(c), repr(c.__context__), repr(c.__context__.__context__))
