# Compiled generators stepped by compiled code (for loops, which Kiln runs without the
# interpreter when it can) mixed with CPython's own ways of resuming them: next() from
# interpreted code, send(), throw(), close(), frame inspection, tracing.
import builtins
import gc
import inspect
import sys
import traceback


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def nested(n):
    for i in count(n):
        for j in count(i):
            yield (i, j)


print("nested:", list(nested(4)))
total = 0
for pair in nested(5):
    total += pair[0] * 10 + pair[1]
print("total:", total)


# Break out of a compiled loop, then resume the generator from interpreted code.
def break_then_resume():
    g = count(10)
    for x in g:
        if x == 3:
            break
    print("after break:", x, inspect.getgeneratorstate(g))
    print("eval next:", eval("next(g)"), builtins.next(g))
    print("g.__next__:", g.__next__())
    for x in g:
        print("compiled again:", x)
        if x == 7:
            break
    print("exec next:", end=" ")
    exec("print(next(g))")
    print("rest:", list(g), inspect.getgeneratorstate(g))


break_then_resume()


# close() after partial iteration runs the finally block.
def with_finally(log):
    try:
        for i in range(100):
            yield i
    finally:
        log.append("finally")


def close_partial():
    log = []
    g = with_finally(log)
    for x in g:
        if x == 2:
            break
    print("before close:", log, inspect.getgeneratorstate(g))
    g.close()
    print("after close:", log, inspect.getgeneratorstate(g))
    print("next after close:", next(g, "exhausted"))


close_partial()


# throw() into a generator suspended by a compiled loop.
def catcher():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except KeyError as e:
            print("caught in generator:", repr(e))
            n += 100


def throw_into():
    g = catcher()
    for x in g:
        if x == 2:
            break
    print("throw result:", g.throw(KeyError("k")))
    for x in g:
        print("after throw:", x)
        if x > 102:
            break
    try:
        g.throw(ValueError("v"))
    except ValueError as e:
        print("propagated:", repr(e), inspect.getgeneratorstate(g))


throw_into()


# A generator that raises: the traceback is CPython's.
def failing(n):
    for i in range(n):
        yield i
    raise ZeroDivisionError("from generator")


def consume_failing():
    out = []
    for x in failing(3):
        out.append(x)
    return out


try:
    consume_failing()
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)


def deep_failure():
    yield 1
    {}["missing"]


def consume_deep():
    for _ in deep_failure():
        pass


try:
    consume_deep()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("traceback frames:", names[1:])
    print("generator frame line:", tb is None)


# PEP 479: StopIteration raised inside becomes RuntimeError.
def raises_stop():
    yield 1
    raise StopIteration("inside")


def pep479():
    g = raises_stop()
    try:
        for x in g:
            print("pep479 item:", x)
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__), "| state:",
              inspect.getgeneratorstate(g))


pep479()


def next_inside():
    it = iter([])
    yield 0
    next(it)


try:
    for _ in next_inside():
        pass
except RuntimeError as e:
    print("next() inside:", e, type(e.__context__).__name__)


# Return values: StopIteration.value through next(), dropped by a for loop.
def returns(n):
    yield from range(n)
    return n * 2


def return_values():
    g = returns(2)
    print("for:", [x for x in g])
    g = returns(1)
    for x in g:
        pass
    try:
        next(g)
    except StopIteration as e:
        print("after exhaustion value:", e.value)
    g = count(1)
    print(next(g))
    try:
        next(g)
    except StopIteration as e:
        print("StopIteration.value:", e.value)


return_values()


# Exception context inside a generator body stepped by a loop inside an except block.
def sees_exception():
    yield sys.exception()
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exception()
    yield sys.exception()


def reraiser():
    yield "first"
    raise


def exception_context():
    try:
        raise ValueError("outer")
    except ValueError:
        for e in sees_exception():
            print("generator sees:", repr(e))
        print("handler still sees:", repr(sys.exception()))
        try:
            for x in reraiser():
                print("reraiser:", x)
        except ValueError as e:
            print("bare raise re-raised:", repr(e))
    print("outside:", sys.exception())
    for e in sees_exception():
        print("outside except, generator sees:", repr(e))


exception_context()


# Frame and state introspection mid-iteration, from inside and outside.
def introspected():
    me = yield "start"
    frame = sys._getframe()
    print("  inside: running", me.gi_running, "suspended", me.gi_suspended,
          "state", inspect.getgeneratorstate(me), "line", frame.f_lineno)
    yield "middle"
    caller = sys._getframe(1)
    print("  inside: caller", caller.f_code.co_name, caller.f_lineno)
    yield "end"


def introspect():
    g = introspected()
    print("created:", inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.gi_running)
    print(next(g))
    print("suspended:", inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.gi_suspended)
    print(g.send(g))
    print("line after send:", g.gi_frame.f_lineno)
    for x in g:
        print("loop got:", x, inspect.getgeneratorstate(g), g.gi_frame.f_lineno)
    print("closed:", inspect.getgeneratorstate(g), g.gi_frame)


introspect()


def frame_lines():
    yield 1
    yield 2
    yield 3


def watch_lines():
    g = frame_lines()
    g.gi_frame  # made before the first step: Kiln shows the line of a later one only
    lines = []
    for x in g:
        lines.append((x, g.gi_frame.f_lineno, g.gi_frame.f_lasti > 0))
    print("lines:", lines)
    g = frame_lines()
    frame = g.gi_frame  # a frame object that lives through the steps
    for x in g:
        print("frame object line:", x, frame.f_lineno)
    print("frame after:", frame.f_back, g.gi_frame)


watch_lines()


# sys._getframe(1) inside the body is the code that stepped it.
def who_steps():
    while True:
        yield sys._getframe(1).f_code.co_name


def stepper_a(g):
    for name in g:
        return name


def stepper_b(g):
    for name in g:
        return name


def steppers():
    g = who_steps()
    print("stepped by:", stepper_a(g), stepper_b(g), next(g), eval("next(g)"))
    print("back:", who_steps().gi_frame.f_back)


steppers()


# Under sys.settrace (and setprofile) the interpreter steps the generator.
def traced_gen():
    yield 1
    yield 2


def run_traced():
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "traced_gen":
            events.append(event)
        return tracer

    sys.settrace(tracer)
    try:
        items = [x for x in traced_gen()]
        for x in traced_gen():
            items.append(x)
    finally:
        sys.settrace(None)
    print("traced items:", items, "got events:", len(events) > 0)
    calls = []

    def profiler(frame, event, arg):
        if frame.f_code.co_name == "traced_gen":
            calls.append(event)

    sys.setprofile(profiler)
    try:
        items = [x for x in traced_gen()]
    finally:
        sys.setprofile(None)
    print("profiled items:", items, "got events:", len(calls) > 0)


run_traced()


# Re-entrance: the generator is running while its body steps it again.
def reentrant():
    yield 1
    for x in holder[0]:
        yield x


holder = []


def run_reentrant():
    g = reentrant()
    holder.append(g)
    for x in g:
        print("reentrant item:", x)
    print("unreachable")


try:
    run_reentrant()
except ValueError as e:
    print("ValueError:", e)


def self_next():
    yield next(me)


me = self_next()
try:
    for _ in me:
        pass
except ValueError as e:
    print("self next:", e)


# Recursion: a recursive generator tree walk, deep.
def build(depth):
    node = None
    for i in range(depth):
        node = (i, node, None)
    return node


def walk(node):
    if node is None:
        return
    value, left, right = node
    yield value
    for v in walk(left):
        yield v
    for v in walk(right):
        yield v


def walk_from(node):
    if node is not None:
        yield node[0]
        yield from walk_from(node[1])
        yield from walk_from(node[2])


balanced = None


def balanced_tree(depth, start=0):
    if depth == 0:
        return None
    return (start, balanced_tree(depth - 1, start * 2 + 1), balanced_tree(depth - 1, start * 2 + 2))


tree = balanced_tree(10)
print("balanced:", sum(walk(tree)), sum(1 for _ in walk(tree)), sum(walk_from(tree)))
print("deep:", sum(walk(build(300))), sum(walk_from(build(300))))


def too_deep(n):
    yield n
    for v in too_deep(n + 1):
        yield v


try:
    for v in too_deep(0):
        pass
except RecursionError as e:
    print("RecursionError:", str(e).startswith("maximum recursion depth exceeded"))


# Consumed alternately by compiled and interpreted code.
def alternate():
    g = count(12)
    got = []
    interpreted = eval("lambda g: next(g)")
    while True:
        for x in g:
            got.append(("compiled", x))
            break
        else:
            break
        try:
            got.append(("interpreted", interpreted(g)))
        except StopIteration as e:
            got.append(("stop", e.value))
            break
    print("alternate:", got)


alternate()


# yield from / send inside generators stepped by a compiled loop.
def inner_echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received


def outer_echo():
    result = yield from inner_echo()
    yield ("inner returned", result)
    yield from [10, 11]


def delegation():
    print("delegating loop:", list(outer_echo()))
    g = outer_echo()
    print(next(g), g.send("a"), g.gi_yieldfrom is not None)
    for x in g:
        print("delegating rest:", x, g.gi_yieldfrom is not None)
    g = outer_echo()
    for x in g:
        break
    print("throw to delegate:", end=" ")
    try:
        g.throw(OSError("x"))
    except OSError as e:
        print(repr(e), inspect.getgeneratorstate(g))


delegation()


# Delegates stepped by a compiled loop: errors, handlers around `yield from`, frames.
def inner_fails(n):
    yield from range(n)
    raise LookupError("inner failed")


def outer_catches():
    try:
        yield from inner_fails(2)
    except LookupError as e:
        yield ("caught", str(e))
    try:
        yield from inner_fails(1)
    finally:
        yield "finally"


def outer_plain():
    yield "first"
    yield from inner_fails(1)


def inner_frames(outer_box):
    me = sys._getframe()
    yield me.f_back.f_code.co_name, outer_box[0].gi_running, outer_box[0].gi_yieldfrom
    yield me.f_back.f_back.f_code.co_name


def outer_frames(box):
    got = yield from inner_frames(box)
    yield got


def delegate_errors():
    try:
        for x in outer_catches():
            print("outer_catches:", x)
    except LookupError:
        traceback.print_exc(file=sys.stdout)
    try:
        for x in outer_plain():
            print("outer_plain:", x)
    except LookupError:
        traceback.print_exc(file=sys.stdout)
    box = []
    g = outer_frames(box)
    box.append(g)
    for x in g:
        print("frames through yield from:", x)


delegate_errors()


# send() from compiled code.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        if value == "boom":
            raise ArithmeticError("boom")
        total += value


def relay(target):
    got = yield
    while True:
        got = yield target.send(got)


def sends():
    g = accumulator()
    try:
        g.send(1)
    except TypeError as e:
        print("send to just-started:", e)
    print("first:", g.send(None), g.send(5), g.send(7), inspect.getgeneratorstate(g))
    try:
        g.send(None)
    except StopIteration as e:
        print("send returned:", e.value, inspect.getgeneratorstate(g))
    try:
        g.send(3)
    except StopIteration as e:
        print("send after exhaustion:", e.value)
    a = accumulator()
    next(a)
    r = relay(a)
    next(r)
    print("relayed:", [r.send(i) for i in range(5)], a.gi_running, r.gi_running)
    try:
        r.send("boom")
    except ArithmeticError:
        traceback.print_exc(file=sys.stdout)
    print("states:", inspect.getgeneratorstate(a), inspect.getgeneratorstate(r))
    own = []

    def send_self():
        yield own[0].send(None)

    own.append(send_self())
    try:
        own[0].send(None)
    except ValueError as e:
        print("send to running:", e)
    g = accumulator()
    next(g)
    print("send kw error:", end=" ")
    try:
        g.send(value=1)
    except TypeError as e:
        print(e)
    print("bound send:", [g.send(i) for i in (1, 2)], g.send.__name__)


sends()


# Generators that finish while values are live in their loops, and locals seen
# through f_locals mid-iteration.
def live_values():
    words = ["a", "b", "c"]
    for i, w in enumerate(words):
        yield w * (i + 1)


def locals_view():
    g = live_values()
    for x in g:
        loc = g.gi_frame.f_locals
        print("f_locals:", x, loc["i"], loc["w"])


locals_view()


# Signal handlers and other threads still get their turn while compiled code steps
# compiled generators (the interpreter's eval breaker).
import os
import signal
import threading


class Interrupted(Exception):
    pass


def forever(box):
    n = 0
    while True:
        yield len(box), n
        n += 1


def signals_and_threads():
    def handler(signum, frame):
        raise Interrupted()

    previous = signal.signal(signal.SIGUSR1, handler)
    try:
        for seen, n in forever([]):
            if n == 10:
                os.kill(os.getpid(), signal.SIGUSR1)
            if n > 10000000:
                break
    except Interrupted:
        print("signal handled during the loop")
    finally:
        signal.signal(signal.SIGUSR1, previous)
    box = []
    worker = threading.Thread(target=lambda: box.append(1))
    worker.start()
    for seen, n in forever(box):
        if seen:
            break
    worker.join()
    print("other thread ran:", box)


signals_and_threads()


# Reference counts: many steps and many generators leave nothing behind.
class Token:
    alive = 0

    def __init__(self):
        Token.alive += 1

    def __del__(self):
        Token.alive -= 1


def tokens(n):
    for _ in range(n):
        yield Token()


def returns_token():
    yield 1
    return Token()


def raises_with_token():
    t = Token()
    yield t
    raise KeyError(t)


def refcounts():
    sentinel = object()

    def holds(n):
        for _ in range(n):
            yield sentinel

    gc.collect()
    before = sys.getrefcount(sentinel)
    for _ in range(200):
        for x in holds(5):
            pass
        g = holds(10)
        for x in g:
            if x is sentinel:
                break
        del g
    del x
    print("sentinel refcount unchanged:", sys.getrefcount(sentinel) == before)
    for _ in range(200):
        for t in tokens(3):
            pass
        del t
        for _ in returns_token():
            pass
        try:
            for t in raises_with_token():
                del t
        except KeyError:
            pass
    gc.collect()
    print("tokens alive:", Token.alive)
    g = count(3)
    before = sys.getrefcount(g)
    for x in g:
        pass
    print("generator refcount unchanged:", sys.getrefcount(g) == before)
    # Blocks leaked through the frame chain or exception state would show as growth.
    gc.collect()
    start = len(gc.get_objects())
    for _ in range(1000):
        for x in nested(3):
            pass
        try:
            consume_failing()
        except ZeroDivisionError:
            pass
    gc.collect()
    print("object count stable:", len(gc.get_objects()) - start < 50)


refcounts()
print("exception after all:", sys.exception())
