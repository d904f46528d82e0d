# struct packing and io.StringIO/BytesIO reading and writing.
import io
import struct

packed = struct.pack("<IhBx3s", 1024, -2, 255, b"abc")
print(packed, len(packed), struct.calcsize("<IhBx3s"))
print(struct.unpack("<IhBx3s", packed))
print(struct.pack(">H", 258), struct.pack("<H", 258), struct.unpack(">d", struct.pack(">d", 1.5)))
print(list(struct.iter_unpack("<hh", b"\x01\x00\x02\x00\x03\x00\x04\x00")))
record = struct.Struct("!4sI?")
data = record.pack(b"KILN", 7, True)
print(record.size, data, record.unpack(data), record.format)
buffer = bytearray(8)
struct.pack_into("<ii", buffer, 0, -1, 2)
print(bytes(buffer), struct.unpack_from("<i", buffer, 4))
for bad in (lambda: struct.pack("<B", 256), lambda: struct.unpack("<I", b"ab"), lambda: struct.pack("z", 1)):
    try:
        bad()
    except struct.error as e:
        print(type(e).__name__, e)

out = io.StringIO()
out.write("first line\n")
print("second line", file=out)
out.writelines(["third\n", "fourth\n"])
print(repr(out.getvalue()), out.tell())
inp = io.StringIO("alpha\nbeta\ngamma")
print(inp.readline(), end="")
print(inp.read(3), inp.readlines())
inp.seek(0)
print([line.rstrip() for line in inp], inp.read() == "")
b = io.BytesIO()
b.write(b"\x00\x01")
b.write(struct.pack("<f", 2.0))
b.seek(0)
print(b.read(2), struct.unpack("<f", b.read()), b.getvalue().hex())
with io.StringIO("with statement") as f:
    print(f.read().upper(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
wrapper = io.TextIOWrapper(io.BytesIO("héllo\n".encode("utf-8")), encoding="utf-8")
print(repr(wrapper.read()))
