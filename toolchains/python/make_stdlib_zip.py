"""Builds the bundled standard library: a zip of .pyc files, byte for byte reproducible,
and the import graph of the standard library.

Run at repository fetch time by the target's own /usr/bin/python3.11 (never for user
code). Every module is compiled to an unchecked-hash .pyc (no source timestamps), the
entries are written in sorted order with a fixed date and fixed permissions, so two
fetches on any machine give the same bytes. Entries are STORED (not deflated): imports
need no inflating, and the launcher's zstd payload compresses across files.

The import graph (OUTPUT_GRAPH) has one line per module, sorted:
    KIND MODULE DEPENDENCY...
KIND is `module`, `package` or `extension` (a lib-dynload .so). Dependencies of Python
modules are every import statement anywhere in the module (function bodies and
try/except included: conservative), `from P import N` naming the submodule P.N when it
exists, and constant-string __import__/import_module calls; except what only runs when
the module is a script or a type checker reads it: `if __name__ == "__main__":` and
`if TYPE_CHECKING:` blocks, and module-level functions named main/_main/test/_test (the
modules' command lines and self-tests). Dependencies of extension
modules are what importing them adds to sys.modules (measured in a child interpreter).
Only modules of the graph are listed as dependencies (builtins and other platforms'
modules are left out). The launcher's packer keeps what a program may import.

usage: python3.11 make_stdlib_zip.py STDLIB_DIR OUTPUT_ZIP [OUTPUT_GRAPH LIB_DYNLOAD_DIR]
"""

import ast
import importlib.util
import os
import subprocess
import sys
import sysconfig
import zipfile

# Folders and files that a program never imports from the bundled stdlib: the test
# suites, GUI and IDE packages, installers, and site-specific configuration.
EXCLUDED_TOP_LEVEL = {
    "__phello__", "config-3.11-x86_64-linux-gnu", "config-3.11-aarch64-linux-gnu",
    "dist-packages", "ensurepip", "idlelib", "lib-dynload", "lib2to3", "site-packages",
    "sitecustomize.py", "test", "tkinter", "turtle.py", "turtledemo",
}
EXCLUDED_PARTS = {"__pycache__", "tests", "idle_test"}
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


# What CPython's own test modules import from the `test` package (Debian's
# libpython3.11-stdlib ships these; the test modules are in libpython3.11-testsuite):
# bundled so that those modules, compiled by Kiln, run on the bundled stdlib. A program
# that never imports `test` does not get them (the packer follows imports).
TEST_SUPPORT = (
    "test/__init__.py", "test/support/", "test/ann_module", "test/dataclass_module_",
    "test/dataclass_textanno",
)


def wanted(relative):
    parts = relative.split(os.sep)
    if "/".join(parts).startswith(TEST_SUPPORT) and "__pycache__" not in parts:
        return relative.endswith(".py")
    if parts[0] in EXCLUDED_TOP_LEVEL or parts[0].startswith("config-"):
        return False
    if any(part in EXCLUDED_PARTS for part in parts):
        return False
    return relative.endswith(".py")


def compile_module(path, relative):
    with open(path, "rb") as source_file:
        source = source_file.read()
    # Tracebacks name the file where python3.11 has it (/usr/lib/python3.11/...), so a
    # program's stderr matches the reference interpreter's.
    tree = compile(source, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    code = compile(tree, path, "exec", dont_inherit=True, optimize=0)
    import marshal
    flags = 0b01  # hash-based, unchecked: never compared against a source file
    source_hash = importlib.util.source_hash(source)
    return (importlib.util.MAGIC_NUMBER + flags.to_bytes(4, "little") + source_hash +
            marshal.dumps(code)), tree


def module_name(relative):
    """'json/__init__.py' -> ('json', True); 'json/decoder.py' -> ('json.decoder', False)."""
    parts = relative[:-3].split(os.sep)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


SCRIPT_ONLY_TESTS = {"__name__ == '__main__'", "TYPE_CHECKING", "typing.TYPE_CHECKING"}
SCRIPT_ONLY_FUNCTIONS = {"main", "_main", "test", "_test"}


class _PruneScriptOnlyCode(ast.NodeTransformer):
    """Drops `if __name__ == "__main__":` and `if TYPE_CHECKING:` bodies."""

    def visit_If(self, node):
        if ast.unparse(node.test) in SCRIPT_ONLY_TESTS:
            return node.orelse or None
        self.generic_visit(node)
        return node


def imported_names(tree, module, is_package):
    """Every module name `tree` may import, as (name, from_names) pairs."""
    package = module if is_package else module.rpartition(".")[0]
    body = [node for node in tree.body
            if not (isinstance(node, ast.FunctionDef) and node.name in SCRIPT_ONLY_FUNCTIONS)]
    tree = _PruneScriptOnlyCode().visit(ast.Module(body=body, type_ignores=[]))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((alias.name, ()))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".") if package else []
                if node.level > 1:
                    anchor = anchor[:len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            if base:
                found.append((base, tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            argument = node.args[0]
            if called in ("__import__", "import_module") and isinstance(argument, ast.Constant) \
                    and isinstance(argument.value, str) and not argument.value.startswith("."):
                found.append((argument.value, ()))
    return found


def extension_imports(interpreter, name):
    """What importing extension module `name` adds to sys.modules, in a fresh interpreter."""
    probe = ("import sys\nbefore = set(sys.modules)\ntry:\n    import %s\nexcept Exception:\n"
             "    pass\nprint(' '.join(sorted(set(sys.modules) - before)))" % name)
    result = subprocess.run([interpreter, "-I", "-S", "-c", probe], capture_output=True,
                            text=True, timeout=60)
    return result.stdout.split() if result.returncode == 0 else []


def write_graph(output, kinds, raw_dependencies):
    lines = []
    for module in sorted(kinds):
        dependencies = set()
        for name, from_names in raw_dependencies.get(module, ()):
            if name in kinds:
                dependencies.add(name)
            for from_name in from_names:
                if name + "." + from_name in kinds:
                    dependencies.add(name + "." + from_name)
        dependencies.discard(module)
        lines.append(" ".join([kinds[module], module] + sorted(dependencies)) + "\n")
    with open(output + ".tmp", "w") as graph:
        graph.writelines(lines)
    os.replace(output + ".tmp", output)


def main():
    stdlib_dir, output = sys.argv[1], sys.argv[2]
    graph_output = sys.argv[3] if len(sys.argv) > 3 else None
    kinds, raw_dependencies = {}, {}
    entries = []
    for root, directories, files in os.walk(stdlib_dir):
        directories.sort()
        for name in sorted(files):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, stdlib_dir)
            if wanted(relative):
                entries.append((relative, path))
    entries.sort()
    temporary = output + ".tmp"
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_STORED) as archive:
        for relative, path in entries:
            try:
                data, tree = compile_module(path, relative)
            except SyntaxError:
                continue  # e.g. lib2to3 test data: not importable as a module
            info = zipfile.ZipInfo(relative[:-3].replace(os.sep, "/") + ".pyc", FIXED_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, data)
            name, is_package = module_name(relative)
            kinds[name] = "package" if is_package else "module"
            raw_dependencies[name] = imported_names(tree, name, is_package)
    os.replace(temporary, output)
    # sysconfig imports its build-time data by a computed name.
    raw_dependencies.setdefault("sysconfig", []).append((sysconfig._get_sysconfigdata_name(), ()))
    if graph_output:
        lib_dynload = sys.argv[4]
        for file_name in sorted(os.listdir(lib_dynload)):
            if file_name.endswith(".so"):
                name = file_name.split(".")[0]
                kinds[name] = "extension"
                raw_dependencies[name] = [(imported, ()) for imported in
                                          extension_imports(sys.executable, name)]
        write_graph(graph_output, kinds, raw_dependencies)
    print(len(entries))


if __name__ == "__main__":
    main()
