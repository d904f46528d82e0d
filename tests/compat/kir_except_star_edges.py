# Hard cases of try/except* (compiled through Kiln IR): several clauses splitting one
# group, a naked exception wrapped, re-raise and new exceptions in a clause, except*
# in loops, with finally and else, the handled exception, invalid clause types, and
# the traceback of the uncaught remainder.
import sys


def describe(group):
    if isinstance(group, BaseExceptionGroup):
        return f"{type(group).__name__}({group.message!r}, [{', '.join(describe(e) for e in group.exceptions)}])"
    return repr(group)


def split_three():
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as e:
        print("ValueError part:", describe(e), "| handled:", describe(sys.exc_info()[1]))
    except* TypeError as e:
        print("TypeError part:", describe(e))
    except* KeyError:
        print("KeyError part, unnamed; handled:", describe(sys.exc_info()[1]))
    print("all handled; handled now:", sys.exc_info())


def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("wrapped:", describe(e), "tb kept:", e.__traceback__ is not None)
        print("same exception:", e.exceptions[0].args)


def naked_reraise():
    try:
        raise ValueError("naked again")
    except* ValueError:
        raise


def reraise():
    try:
        raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
    except* ValueError:
        raise
    except* TypeError as e:
        print("TypeError handled:", describe(e))


def raise_new():
    try:
        raise ExceptionGroup("g", [ValueError("v"), OSError("o")])
    except* ValueError:
        raise KeyError("new from handler")
    except* OSError:
        pass


def unmatched_rest():
    try:
        raise ExceptionGroup("g", [ValueError("v"), ZeroDivisionError("z")])
    except* ValueError:
        print("only the ValueError")


def in_loop():
    results = []
    for i in range(4):
        try:
            if i % 2:
                raise ExceptionGroup("odd", [ValueError(i)])
            results.append(("no error", i))
        except* ValueError as e:
            results.append(("caught", i, e.exceptions[0].args[0]))
        else:
            results.append(("else", i))
        finally:
            results.append(("finally", i))
    return results


def with_finally(fail):
    log = []
    try:
        try:
            raise ExceptionGroup("f", [ValueError(1), KeyError(2)])
        except* ValueError:
            log.append("value")
            if fail:
                raise RuntimeError("in handler")
        finally:
            log.append("finally")
    except BaseException as e:
        log.append(describe(e))
    return log


def handler_name_unbound():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("NameError:", e)


def bad_types():
    for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), 5):
        try:
            try:
                raise ExceptionGroup("g", [ValueError(1)])
            except* bad:
                print("never")
        except TypeError as e:
            print("TypeError:", e, "| context:", describe(e.__context__))


def nested():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
        except* TypeError as e:
            print("inner TypeError:", describe(e))
            raise
    except* ValueError as e:
        print("values:", describe(e))
    except* TypeError as e:
        print("types re-raised:", describe(e))


def nothing_raised():
    try:
        x = 1
    except* ValueError:
        print("never")
    else:
        print("else ran", x)


def handler_order_and_context():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        pass
    except* TypeError:
        try:
            raise IndexError("inner")
        except IndexError as e:
            print("context of an error in a clause:", describe(e.__context__))


def generator_except_star():
    try:
        yield 1
        raise ExceptionGroup("gen", [ValueError("g")])
    except* ValueError as e:
        yield describe(e)


def caught_outside(function, *args):
    try:
        function(*args)
    except BaseException as e:
        print(function.__name__, "raised:", describe(e))
        if e.__context__ is not None:
            print("  context:", describe(e.__context__))
        return e


split_three()
naked()
caught_outside(reraise)
group = caught_outside(naked_reraise)
print("naked re-raised: frames", group.__traceback__.tb_frame.f_code.co_name,
      group.__traceback__.tb_next, "| inner line:",
      group.exceptions[0].__traceback__.tb_lineno - naked_reraise.__code__.co_firstlineno)
raised = caught_outside(raise_new)
print("new exception's context:", describe(raised.exceptions[0].__context__))
caught_outside(unmatched_rest)
print(in_loop())
print(with_finally(False))
print(with_finally(True))
handler_name_unbound()
bad_types()
caught_outside(nested)
nothing_raised()
handler_order_and_context()
print(list(generator_except_star()))
print("handled at the end:", sys.exc_info())


def uncaught():
    try:
        raise ExceptionGroup("left over", [ValueError("handled"), KeyError("not handled")])
    except* ValueError:
        raise TypeError("raised in the clause")


uncaught()
