# except (A, B) as e: matching tuples, and the name is unbound after the handler.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        kind = "lookup"
        name = type(e).__name__
    except (ValueError, TypeError) as e:
        kind = "value/type"
        name = type(e).__name__
    except ArithmeticError as e:
        kind = "arith"
        name = type(e).__name__
    return kind, name


for exc in (KeyError("k"), IndexError(), ValueError(), TypeError(), ZeroDivisionError(), OverflowError()):
    print(classify(exc))

e = "module value"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)


def local_unbound():
    try:
        raise KeyError
    except KeyError as err:
        pass
    try:
        return err
    except UnboundLocalError as inner:
        return f"{type(inner).__name__}: {inner}"


print(local_unbound())


def saved_outside():
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        saved = err
    return type(saved).__name__, str(saved)


print(saved_outside())


def captured():
    try:
        raise OSError("cap")
    except OSError as err:
        get = lambda: err
        value = get()
    try:
        get()
    except NameError as ne:
        return str(value), type(ne).__name__, str(ne)


print(captured())

handlers = (KeyError, ValueError)
try:
    raise ValueError("dynamic")
except handlers as err:
    print("dynamic tuple", err)

try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as err:
    print(type(err).__name__, err)

try:
    try:
        raise ValueError
    except (ValueError, 3):
        print("tuple matched first element")
except TypeError as err:
    print(type(err).__name__, err)
