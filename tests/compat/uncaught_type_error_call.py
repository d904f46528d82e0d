# An uncaught TypeError from a call with a missing argument, made in a method: the
# callee gets no traceback entry of its own, as in CPython.
def connect(host, port, *, timeout):
    return f"{host}:{port} ({timeout}s)"


class Client:
    def __init__(self, host):
        self.host = host

    def open(self, port):
        print("opening", self.host, port)
        return connect(self.host, port)


print(connect("a", 1, timeout=5))
Client("b").open(80)
