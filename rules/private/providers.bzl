"""Providers of Kiln's rules, all in one place.

PyNativeInfo     what a py_native_library gives the targets that depend on it:
    modules          depset of strings, the dotted names of every compiled module,
                     transitively (the program's module table lists them)
    data             depset of Files, the `data` files of the libraries, transitively
    imports_files    depset of Files, per module the modules it imports (one per line),
                     for choosing the stdlib modules a packed program needs

KilnPackedInfo   what kiln_packed_binary made:
    executable       File: the one self-extracting executable (bazel-bin/<pkg>/<name>)
    standalone_dir   File (a directory) with the unpacked program, or None
    name             the program name (cache entries are <name>-<hash>)
"""

PyNativeInfo = provider(
    doc = "Compiled Python modules of a py_native_library and its dependencies.",
    fields = {
        "modules": "depset of dotted module names",
        "data": "depset of data Files",
        "imports_files": "depset of Files listing imported module names",
    },
)

KilnPackedInfo = provider(
    doc = "A packed Kiln program (see rules/private/pack.bzl).",
    fields = {
        "executable": "File: the self-extracting executable.",
        "standalone_dir": "File (directory) with the unpacked program, or None.",
        "name": "The program name inside the payload.",
    },
)
