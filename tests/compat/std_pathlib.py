# pathlib pure paths: parts, joining, suffixes, relative_to, matching; PurePosixPath and PureWindowsPath.
from pathlib import PurePath, PurePosixPath, PureWindowsPath

p = PurePosixPath("/usr/local/lib/python3.11/site-packages/pkg/module.tar.gz")
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root)
print(p.parts[:4], len(p.parts), list(p.parents)[:2])
print(p.with_name("other.py"), p.with_suffix(".zip"), p.with_stem("renamed"))
print(p.relative_to("/usr/local"), p.is_absolute(), p.is_relative_to("/usr"), p.is_relative_to("/etc"))
q = PurePosixPath("docs") / "guide" / "../index.md"
print(q, q.parts, PurePosixPath("a//b/./c/"), PurePosixPath("/a") / "/b")
print(PurePosixPath("src/main.py").match("*.py"), PurePosixPath("src/main.py").match("src/*.py"), PurePosixPath("a/b.py").match("b/*.py"))
print(str(PurePosixPath("x", "y", "z.txt")), repr(PurePosixPath("rel/path")), PurePosixPath("rel").as_posix())
print(PurePosixPath("/a/b") == PurePosixPath("/a/b/"), PurePosixPath("A") == PurePosixPath("a"), PurePosixPath("b") > PurePosixPath("a"))
w = PureWindowsPath(r"C:\Users\Ann\Documents\report.docx")
print(w.drive, w.root, w.anchor, w.name, w.parent, w.as_posix(), w.parts)
print(PureWindowsPath("C:/a") == PureWindowsPath("c:\\A"), PureWindowsPath("//server/share/file").anchor)
print(sorted([PurePosixPath("b/a"), PurePosixPath("a/z"), PurePosixPath("a/b")]))
print(PurePath("plain").__class__.__name__, PurePosixPath("/").name == "", PurePosixPath("").parts)
try:
    p.relative_to("/etc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    PurePosixPath("noext").with_suffix("bad")
except ValueError as e:
    print(type(e).__name__, e)
try:
    PurePosixPath("/").with_name("x")
except ValueError as e:
    print(type(e).__name__, e)
print({PurePosixPath("a"): 1}[PurePosixPath("a")], PurePosixPath("dir/file.txt").joinpath("x", "y"))
