"""Providers of Kiln's rules, all in one place.

KilnPackedInfo   what kiln_packed_binary made:
    executable       File: the one self-extracting executable (bazel-bin/<pkg>/<name>)
    standalone_dir   File (a directory) with the unpacked program, or None
    name             the program name (cache entries are <name>-<hash>)
"""

KilnPackedInfo = provider(
    doc = "A packed Kiln program (see rules/private/pack.bzl).",
    fields = {
        "executable": "File: the self-extracting executable.",
        "standalone_dir": "File (directory) with the unpacked program, or None.",
        "name": "The program name inside the payload.",
    },
)
