# Custom exception hierarchies: args, str, repr, extra attributes, __str__ overrides.
class AppError(Exception):
    """Base of the application's errors."""


class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

    def __str__(self):
        return f"config key {self.key!r}: {self.reason}"


class NetworkError(AppError):
    pass


class TimeoutError_(NetworkError):
    def __init__(self, seconds):
        self.seconds = seconds

    def __repr__(self):
        return f"TimeoutError_(seconds={self.seconds})"


errors = [
    AppError(),
    AppError("one"),
    AppError("two", 2),
    ConfigError("port"),
    ConfigError("host", "invalid"),
    NetworkError("down"),
    TimeoutError_(30),
]
for err in errors:
    print(type(err).__name__, repr(str(err)), repr(err), err.args)

for err in errors:
    try:
        raise err
    except NetworkError as e:
        print("network:", type(e).__name__, isinstance(e, AppError))
    except AppError as e:
        print("app:", type(e).__name__)

print(issubclass(TimeoutError_, AppError), TimeoutError_.__mro__[1:3])
print([c.__name__ for c in TimeoutError_.__mro__])
print(AppError.__doc__, ConfigError.__doc__)


class WithDefaultMessage(ValueError):
    def __init__(self, message="default message"):
        super().__init__(message)


print(repr(WithDefaultMessage()), str(WithDefaultMessage("custom")))


class CodeError(Exception):
    code = 500

    def __init_subclass__(cls, code=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code


class NotFound(CodeError, code=404):
    pass


print(CodeError().code, NotFound().code, NotFound("x").args)
e = ConfigError("k")
e.add_note("first note") if hasattr(e, "add_note") else None
print(e.__notes__)
try:
    raise NotFound
except CodeError as caught:
    print(type(caught).__name__, caught.code, caught.args)
print(KeyError("k"), repr(KeyError("k")), str(KeyError("a", "b")))
print(str(OSError(2, "No such file", "name.txt")), OSError(2, "x").errno)
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
