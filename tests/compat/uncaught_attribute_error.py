# An uncaught AttributeError with CPython's "Did you mean" suggestion, raised from a
# method called through a property.
class Connection:
    def __init__(self, host):
        self.hostname = host
        self.retries = 3

    @property
    def address(self):
        return self.describe()

    def describe(self):
        return f"{self.hostnam}:{self.retries}"


conn = Connection("example")
print("retries", conn.retries)
print(conn.address)
