# int/float/str/bool/complex conversions and their error messages.
print(int("42"), int(" -7 "), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("0o17", 0), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("z", 36), int(b"12"), int("٣"))
print(float("3.5"), float(" -1e3 "), float("inf"), float("-nan"), float("1_0.5"), float(7), float(True))
print(str(12), str(1.5), str(None), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), repr("q'uote"))
print(bool(""), bool("0"), bool(0.0), bool([]), bool([0]), bool(None), bool(range(0)))
print(complex(1, 2), complex("3-4j"), abs(complex(3, 4)), round(2.675, 2), round(1234.5678, -2), round(5))
print(hex(255), oct(8), bin(-5), chr(9731), ord("€"), ascii("é"), format(1234.5, ",.1f"))
print(int("-0"), float("-0"), 0.1 + 0.2, 1e22, 1e-5, 123456789012345678.0, 2.0 ** 0.5)
print(str(10 ** 30), int(10.0 ** 15), int("9" * 30) + 1)
errors = [
    lambda: int("abc"),
    lambda: int("1.5"),
    lambda: int(""),
    lambda: int("12", 2),
    lambda: int(None),
    lambda: int([1]),
    lambda: int("5", 1),
    lambda: float("abc"),
    lambda: float(""),
    lambda: float([1]),
    lambda: complex("1+"),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: int("x" * 5, 10),
    lambda: bytes("s"),
    lambda: str(b"\xff", "utf-8"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: "a" * 1.5,
    lambda: [] + (),
    lambda: int(float("inf")),
]
for f in errors:
    try:
        f()
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError) as e:
        print(type(e).__name__ + ":", e)
print(int.__name__, type(int("1")) is int, isinstance(True, int), str(int), str(3.0), str(-1.5e-10))
