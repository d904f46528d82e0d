import os as _os

visible = "visible"
_private = "private"


def plain_function():
    return "plain"
