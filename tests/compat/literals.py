# Literals: integer bases and underscores, floats and exponents, imaginary numbers,
# string escapes (\n \t \x \u \U \N{} octal), raw and triple-quoted strings, implicit
# concatenation, bytes escapes, and constants with NUL bytes or '?' sequences.
print(0x_ff, 0o17, 0b1010_1010, 1_000_000, 0, 00, 0xDEADbeef, 123456789012345678901234567890)
print(1.5e3, 1E-3, .5, 5., 1_0.0_1, 0e0, 1e308 * 10, 3.14j, 1_0j, 0.0j, 1e-7j)
print("tab\there", "new\nline", "quote\"s", 'single\'s', "back\\slash", "bell\a|", "\x41\x42", "\u00e9\U0001F600")
print("\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}", "\101\60\0end".replace("\0", "<NUL>"), len("\0\0"), "a\
b")
print(r"raw\n\t\\", R"\d+", rb"\x00", Rb"\\", br"\n", "??=", "??/", "trigraph??!", "???")
print("""triple
  quoted "with" 'quotes'
""", '''single triple''', """""", len("""\
"""))
print("implicit" " concatenation" ' across' """ kinds""", b"by" b"tes", f"f{1}" "plain" r"\raw")
print(b"\x00\xff\n\t\\", b"\101", b"'", len(b"\x00"), "\x00" == "\0", "é" == "\xe9" == "\u00e9")
print(repr("\x7f\x80\u200b"), repr("\ud800".encode("utf-8", "surrogatepass")), ascii("\U0001F600"))
print(True, False, None, ..., Ellipsis is ..., type(...).__name__, -0, -0.0, +1)
print("{}".format("\\N"), "%s" % "%%", "\\" + "n", len("\\n"), "\"\"\"")
long_text = ("part one, "
             "part two, "
             "part three")
print(long_text, len(long_text))
s = "multi-byte: ü, 漢字, 😀"
print(s, len(s), s.encode("utf-8"), s[-1], s[12:14])
print(0b1 + 0o1 + 0x1, 1_0 * 1_0, 1e1_0, int("1_000"), float("1_0.5"), complex("1_0+2j"))
