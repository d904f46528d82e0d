"""The Python runtime toolchain: what a Kiln program links and bundles for a target.

    PythonRuntimeInfo   the provider a toolchain of type
                        //toolchains/python:toolchain_type carries
    kiln_python_runtime the rule that makes one (used by debian_python_runtime)
    current_python_*    rules that hand the resolved toolchain's parts to ordinary
                        targets: `deps = ["@kiln//toolchains/python:current_libpython"]`

A toolchain whose Python is not the version Kiln compiles for fails the build with a
message naming both versions.
"""

KILN_PYTHON_VERSION = "3.11"

_TOOLCHAIN_TYPE = "@kiln//toolchains/python:toolchain_type"

PythonRuntimeInfo = provider(
    doc = "A target Python runtime.",
    fields = {
        "version": "Full version, e.g. '3.11.2'.",
        "multiarch": "Debian multiarch triple of the target, e.g. 'x86_64-linux-gnu'.",
        "libpython": "CcInfo of the non-PIC static libpython (link programs with -no-pie).",
        "libpython_pic": "CcInfo of the PIC static libpython.",
        "stdlib_zip": "File: the standard library as a zip of .pyc files (stored entries).",
        "stdlib_imports": "File: the stdlib's import graph, lines `KIND MODULE DEPENDENCY...` " +
                          "(see make_stdlib_zip.py).",
        "lib_dynload": "depset of File: the standard library's extension modules.",
    },
)

def _kiln_python_runtime_impl(ctx):
    if not ctx.attr.version.startswith(KILN_PYTHON_VERSION + "."):
        fail("Kiln compiles for Python %s, but the Python toolchain %s provides Python %s." %
             (KILN_PYTHON_VERSION, ctx.label, ctx.attr.version))
    runtime = PythonRuntimeInfo(
        version = ctx.attr.version,
        multiarch = ctx.attr.multiarch,
        libpython = ctx.attr.libpython[CcInfo],
        libpython_pic = ctx.attr.libpython_pic[CcInfo],
        stdlib_zip = ctx.file.stdlib_zip,
        stdlib_imports = ctx.file.stdlib_imports,
        lib_dynload = ctx.attr.lib_dynload[DefaultInfo].files,
    )
    return [platform_common.ToolchainInfo(runtime = runtime), runtime]

kiln_python_runtime = rule(
    implementation = _kiln_python_runtime_impl,
    attrs = {
        "version": attr.string(mandatory = True),
        "multiarch": attr.string(mandatory = True),
        "libpython": attr.label(mandatory = True, providers = [CcInfo]),
        "libpython_pic": attr.label(mandatory = True, providers = [CcInfo]),
        "stdlib_zip": attr.label(mandatory = True, allow_single_file = [".zip"]),
        "stdlib_imports": attr.label(mandatory = True, allow_single_file = True),
        "lib_dynload": attr.label(mandatory = True),
    },
)

def _runtime(ctx):
    return ctx.toolchains[_TOOLCHAIN_TYPE].runtime

def _current_libpython_impl(ctx):
    return [_runtime(ctx).libpython]

current_libpython = rule(
    implementation = _current_libpython_impl,
    toolchains = [_TOOLCHAIN_TYPE],
    doc = "The resolved toolchain's non-PIC static libpython, as a cc dependency.",
)

def _current_stdlib_impl(ctx):
    runtime = _runtime(ctx)
    files = depset([runtime.stdlib_zip, runtime.stdlib_imports], transitive = [runtime.lib_dynload])
    return [DefaultInfo(files = depset([runtime.stdlib_zip]), runfiles = ctx.runfiles(transitive_files = files))]

current_stdlib = rule(
    implementation = _current_stdlib_impl,
    toolchains = [_TOOLCHAIN_TYPE],
    doc = "The resolved toolchain's stdlib zip; its runfiles add the lib-dynload modules and the import graph.",
)

def _current_runtime_info_impl(ctx):
    return [_runtime(ctx)]

current_runtime_info = rule(
    implementation = _current_runtime_info_impl,
    toolchains = [_TOOLCHAIN_TYPE],
    doc = "Forwards the resolved PythonRuntimeInfo to rules that take it as an attribute.",
)
