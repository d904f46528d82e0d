# bytes and bytearray: literals, indexing, slicing, methods, conversions, mutation, errors.
b = b"Hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:3]), b"\x41\102C", rb"\n", b"a" b"b")
print(b.upper(), b.lower(), b.hex(), b.hex(":"), bytes.fromhex("de ad be ef"), b.find(b"l"), b.count(b"l"))
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  pad ".strip(), b"abc".replace(b"b", b"B"))
print(bytes(3), bytes([65, 66]), bytes("é", "utf-8"), bytes(range(3)), b"x" * 3, b"a" + b"b")
print(b"caf\xc3\xa9".decode(), b"\xe9".decode("latin-1"), b"abc".decode("ascii"), str(b"x"), repr(b"'\"'"))
print(b"ab" < b"b", b"a" == "a", b"a" in b"cab", 97 in b"abc", b"abc".startswith(b"a"), b"1".isdigit())
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "little"), b"%03d" % 7, hash(b"x") == hash(b"x"))
ba = bytearray(b"abc")
ba[0] = 65
ba += b"def"
ba.append(33)
ba.extend([63, 63])
del ba[1]
ba[1:3] = b"XYZ"
print(ba, len(ba), ba.pop(), ba, bytes(ba), ba.decode(), bytearray(2))
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:4]), mv.tobytes(), len(mv), mv.readonly)
for byte in b"hi":
    print(byte, chr(byte))
print([c for c in bytearray(b"ok")], sorted(b"cba"), b"".join(bytes([i]) for i in range(65, 68)))
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except (TypeError, ValueError, UnicodeError, IndexError) as error:
        print(label, "->", type(error).__name__, error)
attempt("decode", lambda: b"\xff".decode("utf-8"))
attempt("bytes+str", lambda: b"a" + "b")
attempt("str+bytes", lambda: "a" + b"b")
attempt("bytes(str)", lambda: bytes("x"))
attempt("bytes([256])", lambda: bytes([256]))
attempt("bytes(-1)", lambda: bytes(-1))
attempt("index", lambda: b"ab"[2])
attempt("fromhex", lambda: bytes.fromhex("zz"))
attempt("ba set", lambda: ba.__setitem__(0, 300))
attempt("ba str", lambda: ba.extend("str"))
attempt("in str", lambda: "a" in b"abc")
attempt("join str", lambda: b",".join(["a"]))
