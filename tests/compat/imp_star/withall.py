__all__ = ["public_one", "exported_two"]


def public_one():
    return "public one"


exported_two = 2
not_exported = "only by attribute"
