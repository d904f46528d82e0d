# string and textwrap: constants, Template, Formatter, wrap/fill/dedent/indent/shorten; str methods.
import string
import textwrap

print(string.ascii_letters, string.digits, string.punctuation)
print(repr(string.whitespace), string.hexdigits, string.octdigits)
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="Tim", what="kung pao"), t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print(type(e).__name__, e)
print(string.capwords("hello   big world"), string.Formatter().format("{0}-{x}", 1, x=2))
text = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(text, width=50, placeholder=" [...]"))
print(repr(textwrap.dedent("""
    first
      second
    third
""")))
print(textwrap.indent("a\nb\n\nc", "++ "))
print(textwrap.indent("a\nb", "- ", predicate=lambda line: line.startswith("b")))
print("{:>8}|{:<6}|{:^7}|{:08.3f}|{:+d}|{:,}|{:x}|{:#o}|{:e}".format("r", "l", "c", 3.14159, 5, 1234567, 255, 8, 12345.678))
print(f"{'nested':{'*'}^{12}}", f"{3.0:g}", f"{0.000012:g}", f"{10**20:g}", f"{42:b}", f"{7:03}")
s = "  Hello, World  "
print(s.strip(), s.lower(), s.title(), s.swapcase(), s.center(20, "."), s.split(","), s.rsplit(None, 1))
print("a,b,,c".split(","), "line1\nline2\r\n".splitlines(), "x".join("abc"), "abc".partition("b"))
print("hello".find("l"), "hello".rfind("l"), "hello".index("e"), "hello".count("l"), "Hi".zfill(5))
print("ß".upper(), "ǅ".lower(), "straße".casefold(), "café".encode(), b"caf\xc3\xa9".decode())
try:
    "abc".index("z")
except ValueError as e:
    print(type(e).__name__, e)
print("%s has %d items costing %.2f (%r)" % ("cart", 3, 9.5, "x"), "%5s|%-5s|" % ("a", "b"))
print("tab\tsep".expandtabs(4), "Title Case".istitle(), "123".isdigit(), "abc".isidentifier())
print(str.maketrans("ab", "xy"), "aabbc".translate(str.maketrans("ab", "xy", "c")))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
