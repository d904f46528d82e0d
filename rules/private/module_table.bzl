"""The link step's input: the program's table of compiled modules (`kilnc module-table`).

Also writes <name>.imports (output group `imports`): every module the program's modules
import, for choosing what the packed program bundles.
"""

load(":module_names.bzl", "module_name")
load(":providers.bzl", "PyNativeInfo")

def _py_native_module_table_impl(ctx):
    main_name, _ = module_name(ctx.file.main, ctx.label.package, ctx.attr.imports)
    modules = depset(transitive = [dep[PyNativeInfo].modules for dep in ctx.attr.deps]).to_list()
    if main_name not in modules:
        fail("main %s (module %s) is not among the program's sources" % (ctx.file.main.short_path, main_name))
    output = ctx.actions.declare_file(ctx.label.name + ".cc")
    imports = ctx.actions.declare_file(ctx.label.name + ".imports")
    imports_files = depset(transitive = [dep[PyNativeInfo].imports_files for dep in ctx.attr.deps])
    arguments = ctx.actions.args()
    arguments.add("module-table")
    arguments.add("--main", main_name)
    arguments.add("-o", output)
    arguments.add("--imports_out", imports)
    arguments.add_joined(imports_files, join_with = ",", format_joined = "--imports_in=%s")
    arguments.add_all(sorted(modules))
    ctx.actions.run(
        executable = ctx.executable._kilnc,
        arguments = [arguments],
        inputs = imports_files,
        outputs = [output, imports],
        mnemonic = "KilnModuleTable",
        progress_message = "Writing the module table of %s" % ctx.label,
    )
    return [
        DefaultInfo(files = depset([output])),
        OutputGroupInfo(imports = depset([imports])),
    ]

py_native_module_table = rule(
    implementation = _py_native_module_table_impl,
    attrs = {
        "main": attr.label(allow_single_file = [".py"], mandatory = True),
        "deps": attr.label_list(providers = [PyNativeInfo]),
        "imports": attr.string_list(),
        "_kilnc": attr.label(
            default = Label("//compiler/driver:kilnc"),
            executable = True,
            cfg = "exec",
        ),
    },
)
