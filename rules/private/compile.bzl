"""The compile step: one `kilnc compile` action per Python source.

_py_native_sources(name, srcs, deps, imports) writes <name>/<path>.kiln.cc for every
source and provides PyNativeInfo (the module names, with those of `deps`). Each action
depends on one .py file and kilnc only, so editing a module reruns only its action.
"""

load(":module_names.bzl", "module_name", "repository_relative_path")
load(":providers.bzl", "PyNativeInfo")
load(":settings.bzl", "VerifyIrInfo")

def _py_native_sources_impl(ctx):
    outputs = []
    imports_files = []
    modules = []
    package = ctx.label.package
    for source in ctx.files.srcs:
        name, is_package = module_name(source, package, ctx.attr.imports)
        relative = repository_relative_path(source)
        output = ctx.actions.declare_file("%s/%s.kiln.cc" % (ctx.label.name, relative[:-len(".py")]))
        imports = ctx.actions.declare_file("%s/%s.imports" % (ctx.label.name, relative[:-len(".py")]))
        arguments = ctx.actions.args()
        arguments.add("compile")
        arguments.add("--module", name)
        if is_package:
            arguments.add("--package")
        arguments.add("--filename", relative)
        if ctx.attr.embed_source:
            arguments.add("--embed_source")
        if ctx.attr._verify_ir[VerifyIrInfo].value:
            arguments.add("--verify_ir")
        arguments.add("-o", output)
        arguments.add("--imports_out", imports)
        arguments.add(source)
        ctx.actions.run(
            executable = ctx.executable._kilnc,
            arguments = [arguments],
            inputs = [source],
            outputs = [output, imports],
            mnemonic = "KilnCompile",
            progress_message = "Compiling Python module %s" % name,
        )
        outputs.append(output)
        imports_files.append(imports)
        modules.append(name)
    return [
        DefaultInfo(files = depset(outputs)),
        PyNativeInfo(
            modules = depset(modules, transitive = [dep[PyNativeInfo].modules for dep in ctx.attr.deps]),
            data = depset(ctx.files.data, transitive = [dep[PyNativeInfo].data for dep in ctx.attr.deps]),
            imports_files = depset(imports_files, transitive = [dep[PyNativeInfo].imports_files for dep in ctx.attr.deps]),
        ),
    ]

py_native_sources = rule(
    implementation = _py_native_sources_impl,
    attrs = {
        "srcs": attr.label_list(allow_files = [".py"]),
        "deps": attr.label_list(providers = [PyNativeInfo]),
        "imports": attr.string_list(),
        "data": attr.label_list(allow_files = True),
        "embed_source": attr.bool(default = True),
        "_kilnc": attr.label(
            default = Label("//compiler/driver:kilnc"),
            executable = True,
            cfg = "exec",
        ),
        "_verify_ir": attr.label(default = Label("//rules:verify_ir")),
    },
)
