__all__ = ["present", "absent"]
present = "here"
