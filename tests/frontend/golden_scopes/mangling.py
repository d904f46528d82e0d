# Private name mangling: __x in a class becomes _Class__x; __x__, __ and ___ stay.
import os.path as __osp


class Widget:
    __slots = 1
    __dunder__ = 2
    __ = 3
    ___ = 4

    def __init__(self, __arg, *__rest, __kw=None, **__more):
        self.__private = __arg
        __local = __kw
        _ = __

        def __inner():
            return __local, __slots
        return __inner

    import os.path as __path
    from os import sep as __sep

    class __Nested:
        __deep = 1

        def get(self):
            return __deep


class ___:
    __all_underscores = 1


class _Lead:
    __name = [__c for __c in "ab"]


def __module_level(__p):
    return __p
