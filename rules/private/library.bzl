"""py_native_library, py_native_binary, py_native_test.

A py_native_library `x` is three targets: `x.kiln_sources` (the kilnc actions),
`x.kiln_cc` (a cc_library of the generated C++ with the runtime and the C++ of `deps`)
and `x` itself, which forwards both PyNativeInfo and CcInfo so that it can be used in
`deps` of other Kiln targets.
"""

load(":compile.bzl", "py_native_sources")
load(":pack.bzl", "KILN_PACKED_PROGRAM_LINKOPTS", "kiln_packed_binary")
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
    # Long string literals (docstrings) would each add a note that column tracking
    # stopped.
    "-Wno-misleading-indentation",
    # Fused arithmetic (runtime/ops/number.h) must round every operation as CPython's
    # float does: no fused multiply-add where a target has one.
    "-ffp-contract=off",
    # The fast paths of runtime/ops/fast.h read int digits of values the compiler sees
    # may be None (a constant operand): guarded by a type check, but GCC warns.
    "-Wno-array-bounds",
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

def py_native_library(name, srcs = [], deps = [], imports = [], data = [], embed_source = True, visibility = None, **kwargs):
    """Python modules compiled to native code, for use in `deps` of Kiln targets.

    embed_source (default True): compile each module's source text into the program, so
    that tracebacks, linecache and inspect.getsource show its lines as python3.11 does.
    False ships no source text (tracebacks then name files and lines only).
    """
    py_native_sources(
        name = name + ".kiln_sources",
        srcs = srcs,
        deps = deps,
        imports = imports,
        data = data,
        embed_source = embed_source,
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
    stdlib_include = kwargs.pop("stdlib_include", [])
    stdlib_exclude = kwargs.pop("stdlib_exclude", [])
    extensions = kwargs.pop("extensions", [])
    embed_source = kwargs.pop("embed_source", True)
    compression_level = kwargs.pop("compression_level", 3 if test else 19)
    standalone_dir = kwargs.pop("standalone_dir", False)
    args = kwargs.pop("args", [])
    tags = kwargs.pop("tags", [])
    py_native_library(
        name = library,
        srcs = all_srcs,
        deps = deps,
        imports = imports,
        data = data,
        embed_source = embed_source,
        visibility = ["//visibility:private"],
    )
    py_native_module_table(
        name = name + ".kiln_table",
        main = main,
        deps = [":" + library],
        imports = imports,
        visibility = ["//visibility:private"],
    )
    native.filegroup(
        name = name + ".kiln_imports",
        srcs = [":" + name + ".kiln_table"],
        output_group = "imports",
        visibility = ["//visibility:private"],
    )

    # The linked program; runs unpacked too, from its runfiles.
    native.cc_binary(
        name = name + ".bin",
        srcs = [":" + name + ".kiln_table"],
        copts = GENERATED_COPTS,
        linkopts = KILN_PACKED_PROGRAM_LINKOPTS,
        deps = [
            ":" + library,
            str(Label("//runtime/main:program_main")),
        ],
        data = data + [str(Label("//toolchains/python:current_stdlib"))],
        tags = tags + ["manual"] if test else tags,
        visibility = ["//visibility:private"],
    )

    # What users run and ship: ONE self-extracting file.
    kiln_packed_binary(
        name = name + ".packed" if test else name,
        program = ":" + name + ".bin",
        imports_file = ":" + name + ".kiln_imports",
        data = data,
        extensions = extensions,
        stdlib_include = stdlib_include,
        stdlib_exclude = stdlib_exclude,
        compression_level = compression_level,
        standalone_dir = standalone_dir,
        tags = tags + ["manual"] if test else tags,
        visibility = visibility,
    )
    if test:
        native.sh_test(
            name = name,
            srcs = [str(Label("//rules/private:run_packed_test.sh"))],
            args = ["$(rootpath :%s.packed)" % name] + args,
            data = [":" + name + ".packed"],
            tags = tags,
            visibility = visibility,
            **kwargs
        )

def py_native_binary(name, main, srcs = [], deps = [], imports = [], data = [], visibility = None, **kwargs):
    """A Python program compiled to ONE native executable: bazel-bin/<package>/<name>.

    Extra attributes: embed_source (default True, see py_native_library),
    stdlib_include / stdlib_exclude (re2 patterns on stdlib module names), extensions
    (prebuilt extension module .so files, packed into lib-dynload/; the packed program
    finds them, the unpacked <name>.bin does not), compression_level (zstd, default 19),
    standalone_dir (also write the unpacked folder <name>.standalone/).
    """
    _program(name, main, srcs, deps, imports, data, False, visibility, kwargs)

def py_native_test(name, main, srcs = [], deps = [], imports = [], data = [], visibility = None, **kwargs):
    """A py_native_binary run as a test: it passes when the program exits with status 0."""
    _program(name, main, srcs, deps, imports, data, True, visibility, kwargs)
