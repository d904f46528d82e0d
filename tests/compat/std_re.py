# re: search/match/fullmatch, groups, named groups, findall, sub with functions, split, flags.
import re

text = "Order 66 shipped on 2023-04-05; order 7 on 2024-12-31."
dates = re.findall(r"(\d{4})-(\d{2})-(\d{2})", text)
print(dates)
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", text)
print(m.group(0), m.group("year"), m["month"], m.span(), m.start("month"), m.groupdict())
print(re.match(r"order", text), re.match(r"order", text, re.I).group())
print(re.fullmatch(r"\w+", "abc_123") is not None, re.fullmatch(r"\w+", "a b"))
print(re.sub(r"\d+", lambda mo: str(int(mo.group()) * 2), "a1 b22 c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host admin@site"))
print(re.subn(r"o", "0", "foo boo"))
print(re.split(r"[;,]\s*", "a, b;c ,d"), re.split(r"(-)", "x-y-z", maxsplit=1))
print([m.group() for m in re.finditer(r"\b[A-Z]\w*", "Alpha beta Gamma Delta")])
pattern = re.compile(r"""
    (?P<key>[a-z]+)   # key
    \s*=\s*
    (?P<value>\S+)    # value
""", re.VERBOSE)
print([mo.groupdict() for mo in pattern.finditer("a = 1  bb=two   c= 3")])
print(pattern.pattern.count("\n"), pattern.groups, sorted(pattern.groupindex.items()))
print(re.findall(r"^\w", "one\ntwo\nthree", re.M), re.findall(r"a.c", "a\nc", re.S))
print(re.escape("1+1=2?"), re.findall(r"(a)(b)?", "ab a"))
print(bool(re.search(r"colou?r", "The color red")), re.sub(r"\s+", " ", "  many   spaces  ").strip())
try:
    re.compile(r"(unclosed")
except re.error as e:
    print(type(e).__name__, e.msg, e.pos)
m = re.match(r"(a)|(b)", "b")
print(m.groups(), m.groups("-"), m.lastindex)
print(re.sub(r"(?i)HELLO", "bye", "Hello hello"))
