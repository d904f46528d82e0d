"""Offline stand-ins for the repositories Bazel 4.2.3 would otherwise download.

Bazel's WORKSPACE suffix declares rules_cc, rules_java and remote_coverage_tools with
`maybe(http_archive, ...)`. kiln_dependencies() declares them first, from Debian's
packaged copies (bazel-rules-cc, bazel-rules-java), so nothing is downloaded:

  - rules_cc: Debian ships a newer rules_cc that loads `use_cpp_toolchain` from
    @bazel_tools, which 4.2.3 does not have; the two files that do are patched here.
  - rules_java: used as packaged.
  - remote_coverage_tools: a stub whose tools fail with a clear message (coverage needs
    the Java coverage tools, which Debian does not package).
"""

def _require_directory(repository_ctx, path, package):
    if not repository_ctx.path(path).exists:
        fail("Kiln needs the Debian package '%s' (missing %s). Install it with: " % (package, path) +
             "sudo apt-get install %s   (./bazelw does this for you)" % package)

def _link_tree(repository_ctx, source_root, skip = []):
    """Symlinks every file under source_root into the repository, except `skip`."""
    result = repository_ctx.execute(["find", source_root, "-type", "f"])
    if result.return_code != 0:
        fail("cannot list %s: %s" % (source_root, result.stderr))
    for path in sorted(result.stdout.splitlines()):
        relative = path[len(source_root) + 1:]
        if relative in skip:
            continue
        repository_ctx.symlink(path, relative)

_RULES_CC_PATCHED = [
    "cc/private/rules_impl/compiler_flag.bzl",
    "cc/private/rules_impl/cc_flags_supplier.bzl",
]

def _debian_rules_cc_impl(repository_ctx):
    root = repository_ctx.attr.path
    _require_directory(repository_ctx, root, "bazel-rules-cc")
    _link_tree(repository_ctx, root, skip = _RULES_CC_PATCHED)
    for relative in _RULES_CC_PATCHED:
        text = repository_ctx.read(root + "/" + relative)
        text = text.replace(', "use_cpp_toolchain")', ")")
        lines = []
        for line in text.splitlines():
            if "toolchains = use_cpp_toolchain()" in line:
                indent = line[:len(line) - len(line.lstrip())]
                line = indent + 'toolchains = ["@bazel_tools//tools/cpp:toolchain_type"],'
            lines.append(line)
        repository_ctx.file(relative, "\n".join(lines) + "\n")

debian_rules_cc = repository_rule(
    implementation = _debian_rules_cc_impl,
    attrs = {"path": attr.string(default = "/usr/share/bazel/rules/cc")},
    local = True,
    doc = "rules_cc from Debian's bazel-rules-cc, patched for Bazel 4.2.3.",
)

def _debian_rules_java_impl(repository_ctx):
    root = repository_ctx.attr.path
    _require_directory(repository_ctx, root, "bazel-rules-java")
    _link_tree(repository_ctx, root)

debian_rules_java = repository_rule(
    implementation = _debian_rules_java_impl,
    attrs = {"path": attr.string(default = "/usr/share/bazel/rules/java")},
    local = True,
    doc = "rules_java from Debian's bazel-rules-java.",
)

def _coverage_tools_stub_impl(repository_ctx):
    repository_ctx.file("WORKSPACE", 'workspace(name = "remote_coverage_tools")\n')
    repository_ctx.file(
        "unavailable.sh",
        "#!/bin/sh\necho 'coverage tools are not available in this offline build' >&2\nexit 1\n",
        executable = True,
    )
    repository_ctx.file("BUILD.bazel", """\
package(default_visibility = ["//visibility:public"])

sh_binary(name = "coverage_report_generator", srcs = ["unavailable.sh"])

sh_binary(name = "lcov_merger", srcs = ["unavailable.sh"])
""")

coverage_tools_stub = repository_rule(
    implementation = _coverage_tools_stub_impl,
    doc = "Stands in for @remote_coverage_tools, which Bazel 4.2.3 downloads.",
)
