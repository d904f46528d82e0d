"""Builds the bundled standard library: a zip of .pyc files, byte for byte reproducible.

Run at repository fetch time by the target's own /usr/bin/python3.11 (never for user
code). Every module is compiled to an unchecked-hash .pyc (no source timestamps), the
entries are written in sorted order with a fixed date and fixed permissions, so two
fetches on any machine give the same bytes.

usage: python3.11 make_stdlib_zip.py STDLIB_DIR OUTPUT_ZIP
"""

import importlib.util
import os
import sys
import zipfile

# Folders and files that a program never imports from the bundled stdlib: the test
# suites, GUI and IDE packages, installers, and site-specific configuration.
EXCLUDED_TOP_LEVEL = {
    "__phello__", "config-3.11-x86_64-linux-gnu", "config-3.11-aarch64-linux-gnu",
    "dist-packages", "ensurepip", "idlelib", "lib-dynload", "lib2to3", "site-packages",
    "sitecustomize.py", "test", "tkinter", "turtle.py", "turtledemo",
}
EXCLUDED_PARTS = {"__pycache__", "tests", "idle_test"}
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def wanted(relative):
    parts = relative.split(os.sep)
    if parts[0] in EXCLUDED_TOP_LEVEL or parts[0].startswith("config-"):
        return False
    if any(part in EXCLUDED_PARTS for part in parts):
        return False
    return relative.endswith(".py")


def compile_module(path, relative):
    with open(path, "rb") as source_file:
        source = source_file.read()
    # Tracebacks name the file where python3.11 has it (/usr/lib/python3.11/...), so a
    # program's stderr matches the reference interpreter's.
    code = compile(source, path, "exec", dont_inherit=True, optimize=0)
    import marshal
    flags = 0b01  # hash-based, unchecked: never compared against a source file
    source_hash = importlib.util.source_hash(source)
    return (importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + source_hash +
            marshal.dumps(code))


def main():
    stdlib_dir, output = sys.argv[1], sys.argv[2]
    entries = []
    for root, directories, files in os.walk(stdlib_dir):
        directories.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, stdlib_dir)
            if wanted(relative):
                entries.append((relative, path))
    entries.sort()
    temporary = output + ".tmp"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative, path in entries:
            try:
                data = compile_module(path, relative)
            except SyntaxError:
                continue  # e.g. lib2to3 test data: not importable as a module
            info = zipfile.ZipInfo(relative[:-3].replace(os.sep, "/") + ".pyc", FIXED_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    os.replace(temporary, output)
    print(len(entries))


if __name__ == "__main__":
    main()
