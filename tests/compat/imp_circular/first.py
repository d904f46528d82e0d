print("first: start")
import second
print("first: after importing second")


def use_second():
    return "first uses " + second.NAME


NAME = "first"
