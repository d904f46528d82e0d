from .fmt import *
from .. import models as _models


def helper_names():
    return sorted(n for n in globals() if not n.startswith("_")), _models.__name__
