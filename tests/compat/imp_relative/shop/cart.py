from .models import Item
from .utils.fmt import money
from . import utils


class Cart:
    def __init__(self):
        self.lines = []

    def add(self, item, count=1):
        assert isinstance(item, Item)
        self.lines.append((item, count))

    def total(self):
        return sum(item.price * count for item, count in self.lines)

    def summary(self):
        return f"{len(self.lines)} lines, total {money(self.total())} ({utils.__name__})"
