from ..models import Item

__all__ = ["money"]


def money(cents):
    return f"${cents // 100}.{cents % 100:02d}"


def hidden():
    return Item
