"""kiln_packed_binary: one self-extracting executable from a linked Kiln program.

Provides (rules/private/providers.bzl):
    DefaultInfo      executable = bazel-bin/<pkg>/<name>, ONE file that runs anywhere
                     (launcher stub + zstd payload; see runtime/launcher/payload_format.h)
    KilnPackedInfo   executable, standalone_dir (or None), name
    OutputGroupInfo  standalone_dir: the unpacked folder, when asked for

Actions (one per output file, both run //runtime/launcher:pack):
    KilnPack         <name>             the executable
    KilnStandalone   <name>.standalone/  the same files unpacked (standalone_dir = True)

What goes into the payload: the program (stripped with the C++ toolchain's strip), the
stdlib modules it may import (the toolchain's import graph, from `imports` plus the
`stdlib_include` patterns, minus `stdlib_exclude`), the extension modules among them,
the shared libraries those need that are not on every Debian system (found at pack time
from ELF DT_NEEDED), and `data` files at <name>.runfiles/<workspace>/<path>, where the
program's runfiles lookup finds them. The program must be linked with
KILN_PACKED_PROGRAM_LINKOPTS so that it finds the bundled libraries.

py_native_binary calls it as:

    kiln_packed_binary(
        name = name,                     # what users run: bazel-bin/<pkg>/<name>
        program = ":" + name + ".bin",   # the linked program (KILN_PACKED_PROGRAM_LINKOPTS)
        imports_file = ":" + name + ".imports",  # kilnc's list of imported modules
        data = data,
        stdlib_include = stdlib_include,
        stdlib_exclude = stdlib_exclude,
    )
"""

load(":providers.bzl", "KilnPackedInfo")

_PYTHON_TOOLCHAIN = "@kiln//toolchains/python:toolchain_type"

# Link options a packed program needs: its bundled shared libraries sit in lib/ beside
# it, and DT_RPATH (not RUNPATH) also applies to what extension modules load.
KILN_PACKED_PROGRAM_LINKOPTS = ["-Wl,--disable-new-dtags,-rpath,$$ORIGIN/lib"]

def _runfiles_path(ctx, file):
    if file.short_path.startswith("../"):
        return file.short_path[3:]
    return ctx.workspace_name + "/" + file.short_path

def _regex(patterns):
    return "|".join(["(?:%s)" % pattern for pattern in patterns])

def _pack_arguments(ctx, runtime, program, strip):
    args = ctx.actions.args()
    args.use_param_file("--flagfile=%s", use_always = True)
    args.set_param_file_format("multiline")
    args.add("--name=" + ctx.label.name)
    args.add("--program=" + program.path)
    args.add("--stdlib_zip=" + runtime.stdlib_zip.path)
    args.add("--stdlib_imports=" + runtime.stdlib_imports.path)
    args.add_joined(runtime.lib_dynload, join_with = ",", format_joined = "--extensions=%s")
    args.add_joined(ctx.files.extensions, join_with = ",", format_joined = "--program_extensions=%s")
    args.add_joined(
        [_runfiles_path(ctx, f) + "=" + f.path for f in ctx.files.data],
        join_with = ",",
        format_joined = "--data=%s",
        omit_if_empty = False,
    )
    args.add_joined(ctx.attr.imports, join_with = ",", format_joined = "--imports=%s", omit_if_empty = False)
    if ctx.file.imports_file:
        args.add("--imports_file=" + ctx.file.imports_file.path)
    args.add("--library_path=/lib/{0},/usr/lib/{0},/lib,/usr/lib".format(runtime.multiarch))
    args.add("--stdlib_include=" + _regex(ctx.attr.stdlib_include))
    args.add("--stdlib_exclude=" + _regex(ctx.attr.stdlib_exclude))
    if strip:
        args.add("--strip=" + strip)
    return args

def _kiln_packed_binary_impl(ctx):
    runtime = ctx.toolchains[_PYTHON_TOOLCHAIN].runtime
    program = ctx.executable.program
    cc_toolchain = ctx.attr._cc_toolchain[cc_common.CcToolchainInfo]
    strip = cc_toolchain.strip_executable if ctx.attr.strip else None
    inputs = depset(
        [program, runtime.stdlib_zip, runtime.stdlib_imports] + ctx.files.data + ctx.files.extensions +
        ([ctx.file.imports_file] if ctx.file.imports_file else []),
        transitive = [runtime.lib_dynload] + ([cc_toolchain.all_files] if strip else []),
    )

    executable = ctx.actions.declare_file(ctx.label.name)
    args = _pack_arguments(ctx, runtime, program, strip)
    args.add("--stub=" + ctx.file._stub.path)
    args.add("--compression_level=%d" % ctx.attr.compression_level)
    args.add("--output=" + executable.path)
    ctx.actions.run(
        executable = ctx.executable._pack,
        arguments = [args],
        inputs = depset([ctx.file._stub], transitive = [inputs]),
        outputs = [executable],
        mnemonic = "KilnPack",
        progress_message = "Packing %s" % ctx.label,
    )

    standalone = None
    if ctx.attr.standalone_dir:
        standalone = ctx.actions.declare_directory(ctx.label.name + ".standalone")
        args = _pack_arguments(ctx, runtime, program, strip)
        args.add("--standalone_dir=" + standalone.path)
        ctx.actions.run(
            executable = ctx.executable._pack,
            arguments = [args],
            inputs = inputs,
            outputs = [standalone],
            mnemonic = "KilnStandalone",
            progress_message = "Writing the standalone folder of %s" % ctx.label,
        )

    return [
        DefaultInfo(
            executable = executable,
            files = depset([executable] + ([standalone] if standalone else [])),
            runfiles = ctx.runfiles(files = [executable]),
        ),
        KilnPackedInfo(executable = executable, standalone_dir = standalone, name = ctx.label.name),
        OutputGroupInfo(standalone_dir = depset([standalone] if standalone else [])),
    ]

kiln_packed_binary = rule(
    implementation = _kiln_packed_binary_impl,
    executable = True,
    toolchains = [_PYTHON_TOOLCHAIN],
    doc = "Packs a linked Kiln program, its stdlib and data into one self-extracting file.",
    attrs = {
        "program": attr.label(
            mandatory = True,
            executable = True,
            cfg = "target",
            doc = "The linked program (link it with KILN_PACKED_PROGRAM_LINKOPTS).",
        ),
        "data": attr.label_list(
            allow_files = True,
            doc = "Files unpacked at <name>.runfiles/<workspace>/<path> beside the program.",
        ),
        "extensions": attr.label_list(
            allow_files = [".so"],
            doc = "Prebuilt CPython extension modules (<module>.cpython-311-<triple>.so or " +
                  "<module>.so), packed into lib-dynload/ with the shared libraries they need.",
        ),
        "imports": attr.string_list(
            doc = "Modules the program imports; their stdlib import closure is packed.",
        ),
        "imports_file": attr.label(
            allow_single_file = True,
            doc = "A file of imported module names, one per line (what kilnc writes).",
        ),
        "stdlib_include": attr.string_list(
            doc = "re2 patterns: stdlib modules (full-name match) to pack with what they " +
                  "import, e.g. ['email(\\\\..*)?']; ['.*'] packs the whole stdlib.",
        ),
        "stdlib_exclude": attr.string_list(
            doc = "re2 patterns: stdlib modules (full-name match) never packed, nor " +
                  "anything below them.",
        ),
        "compression_level": attr.int(default = 19, doc = "zstd level, 1..22."),
        "standalone_dir": attr.bool(
            default = False,
            doc = "Also write <name>.standalone/, the unpacked program folder.",
        ),
        "strip": attr.bool(default = True, doc = "Pack the program stripped."),
        "_stub": attr.label(
            default = Label("//runtime/launcher:launcher"),
            allow_single_file = True,
            cfg = "target",
        ),
        "_pack": attr.label(
            default = Label("//runtime/launcher:pack"),
            executable = True,
            cfg = "exec",
        ),
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
    },
)
