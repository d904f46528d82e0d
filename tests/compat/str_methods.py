# str methods: case, search, split/join, strip, replace, predicates, partition,
# encode, translate, and the errors of a few.
s = "  Hello, World! hello  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.lower(), s.upper(), s.title(), s.swapcase(), "hello world".capitalize(), "ß".casefold())
print(s.count("l"), s.find("o"), s.rfind("o"), s.find("zz"), s.index("W"), s.rindex("l"))
print(s.startswith("  H"), s.endswith(("x", "  ")), "abc".startswith("b", 1), s.replace("l", "L", 2))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("l1\nl2\r\nl3".splitlines(), "l1\nl2\n".splitlines(True), "-".join(["x", "y", "z"]), "".join([]))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5))
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "  ".isspace(), "Title Case".istitle(),
      "lower".islower(), "UP".isupper(), "x1".isidentifier(), "½".isnumeric(), "٣".isdecimal())
print("tab\tsep".expandtabs(4), "héllo".encode(), "héllo".encode("latin-1"), "abc".encode("ascii"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): None}), ord("A"), chr(9731))
print("prefix-body".removeprefix("prefix-"), "body.py".removesuffix(".py"), "aaa".replace("a", "b", -1))
print("%".join("abc"), "abc" * 3, "abc" in "xabcx", "ABC" < "abc", max("hello"), sorted("kiln"))
print(len("héllo"), "héllo"[1], "a\u0301", len("a\u0301"), "\N{SNOWMAN}", repr("\x00\t\n'\""))
print(str(12), str(1.5), str([1, "a"]), repr("it's"), repr('say "hi"'), ascii("ñ"))
print("{} and {}".format("a", "b"), "x".join(map(str, range(4))), "Mississippi".count("ss"))
def attempt(label, thunk):
    try:
        print(label, thunk())
    except (ValueError, TypeError, UnicodeError, IndexError) as error:
        print(label, "->", type(error).__name__, error)
attempt("index", lambda: s.index("zz"))
attempt("join ints", lambda: ",".join([1, 2]))
attempt("encode", lambda: "héllo".encode("ascii"))
attempt("split empty", lambda: "a".split(""))
attempt("str + int", lambda: "a" + 1)
attempt("int + str", lambda: 1 + "a")
attempt("str * float", lambda: "a" * 1.5)
attempt("getitem", lambda: "abc"[5])
attempt("center", lambda: "a".center(5, "ab"))
attempt("maketrans", lambda: str.maketrans("ab", "c"))
attempt("ord", lambda: ord("ab"))
attempt("chr", lambda: chr(-1))
