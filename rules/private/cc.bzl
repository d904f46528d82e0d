"""C++ build macros for Kiln's own targets.

Every C++ target of @kiln goes through these so that it carries the flags it needs
itself: a user's workspace that loads @kiln has no .bazelrc of its own, and
exec-configured tools (kilnc) are built with the same language level.

    load("//rules/private:cc.bzl", "kiln_cc_library")
    kiln_cc_library(name = "tokenizer", srcs = [...], hdrs = [...], deps = [...])
"""

KILN_COPTS = [
    "-std=c++17",
    # The runtime is every program's hot path and kilnc runs in every build: optimise
    # whatever the compilation mode.
    "-O2",
    "-Wall",
    "-Wextra",
    "-Wno-unused-parameter",
    "-Wno-missing-field-initializers",
]

# Generated code and the runtime never use C++ exceptions (DESIGN.md, decision 3);
# tests keep them because GoogleTest may use them.
_NO_EXCEPTIONS = ["-fno-exceptions"]

def _with_copts(kwargs, extra = []):
    kwargs["copts"] = KILN_COPTS + extra + kwargs.get("copts", [])
    return kwargs

def kiln_cc_library(**kwargs):
    native.cc_library(**_with_copts(kwargs, _NO_EXCEPTIONS))

def kiln_cc_binary(**kwargs):
    native.cc_binary(**_with_copts(kwargs, _NO_EXCEPTIONS))

def kiln_cc_test(**kwargs):
    native.cc_test(**_with_copts(kwargs))
