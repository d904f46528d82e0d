# CPython compiles the finally body again at the return that leaves it, so the error in
# the finally body (line 8) is reported before the one after the return (line 6).
def f():
    try:
        return
        x = *a
    finally:
        y = *b
