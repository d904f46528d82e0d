# CPython's code generator runs only when symtable found no error: the
# 'return' outside function comes first but symtable's error is reported.
return 1


def f():
    x = 1
    global x
