print("second: start")
import first
print("second: sees first partially initialised:", hasattr(first, "NAME"))
NAME = "second"


def use_first():
    return "second uses " + first.NAME
