"""py_native_library, py_native_binary, py_native_test.

A py_native_library `x` is three targets: `x.kiln_sources` (the kilnc actions),
`x.kiln_cc` (a cc_library of the generated C++ with the runtime and the C++ of `deps`)
and `x` itself, which forwards both PyNativeInfo and CcInfo so that it can be used in
`deps` of other Kiln targets.
"""

load(":compile.bzl", "py_native_sources")
load(":module_table.bzl", "py_native_module_table")
load(":providers.bzl", "PyNativeInfo")

# Generated code is compiled optimised whatever the compilation mode: it is the
# program's hot path. Generated labels and slots may go unused.
GENERATED_COPTS = [
    "-std=c++17",
    "-O2",
    "-fno-exceptions",
    "-fno-strict-aliasing",
    "-Wno-unused-label",
    "-Wno-unused-variable",
    "-Wno-unused-but-set-variable",
]

def _forward_impl(ctx):
    return [
        ctx.attr.sources[PyNativeInfo],
        ctx.attr.cc[CcInfo],
        DefaultInfo(
            files = ctx.attr.sources[DefaultInfo].files,
            runfiles = ctx.runfiles(transitive_files = ctx.attr.sources[PyNativeInfo].data),
        ),
    ]

_py_native_library_forward = rule(
    implementation = _forward_impl,
    attrs = {
        "sources": attr.label(providers = [PyNativeInfo]),
        "cc": attr.label(providers = [CcInfo]),
    },
)

def py_native_library(name, srcs = [], deps = [], imports = [], data = [], visibility = None, **kwargs):
    """Python modules compiled to native code, for use in `deps` of Kiln targets."""
    py_native_sources(
        name = name + ".kiln_sources",
        srcs = srcs,
        deps = deps,
        imports = imports,
        data = data,
        visibility = ["//visibility:private"],
    )
    native.cc_library(
        name = name + ".kiln_cc",
        srcs = [":" + name + ".kiln_sources"],
        copts = GENERATED_COPTS,
        deps = deps + [str(Label("//runtime:runtime"))],
        alwayslink = True,
        visibility = ["//visibility:private"],
    )
    _py_native_library_forward(
        name = name,
        sources = ":" + name + ".kiln_sources",
        cc = ":" + name + ".kiln_cc",
        visibility = visibility,
        **kwargs
    )

def _program(name, main, srcs, deps, imports, data, test, visibility, kwargs):
    library = name + ".kiln_library"
    all_srcs = srcs if main in srcs else srcs + [main]
    py_native_library(
        name = library,
        srcs = all_srcs,
        deps = deps,
        imports = imports,
        data = data,
        visibility = ["//visibility:private"],
    )
    py_native_module_table(
        name = name + ".kiln_table",
        main = main,
        deps = [":" + library],
        imports = imports,
        visibility = ["//visibility:private"],
    )
    rule = native.cc_test if test else native.cc_binary
    rule(
        name = name,
        srcs = [":" + name + ".kiln_table"],
        copts = GENERATED_COPTS,
        deps = [
            ":" + library,
            str(Label("//runtime/main:program_main")),
        ],
        data = data + [str(Label("//toolchains/python:current_stdlib"))],
        visibility = visibility,
        **kwargs
    )

def py_native_binary(name, main, srcs = [], deps = [], imports = [], data = [], visibility = None, **kwargs):
    """A Python program compiled to a native executable: bazel-bin/<package>/<name>."""
    _program(name, main, srcs, deps, imports, data, False, visibility, kwargs)

def py_native_test(name, main, srcs = [], deps = [], imports = [], data = [], visibility = None, **kwargs):
    """A py_native_binary run as a test: it passes when the program exits with status 0."""
    _program(name, main, srcs, deps, imports, data, True, visibility, kwargs)
