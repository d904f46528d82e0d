# Imports, except handlers, with targets, del, for targets, augmented assignment.
import os.path
import collections.abc as abc
from os import sep, path as p
from . import sibling
from json import *


def f(stream):
    import sys
    from os import environ as env
    try:
        pass
    except (OSError, ValueError) as error:
        del error
    with open(stream) as (a, b), open(stream) as c:
        pass
    for i, (j, k) in stream:
        pass
    total = 0
    total += 1
    unknown += 1
    del stream
    return sys, env, os
