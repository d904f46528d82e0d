"""Module names of Python sources, following Bazel's Python convention.

A file's module name is its path from the root of its repository, with `/` turned into
`.` and `.py` dropped (`__init__.py` names its package). An `imports` entry (a folder
relative to the package, as in py_library) makes that folder a root instead: with
`imports = ["src"]` in package `lib`, lib/src/tool/cli.py is module `tool.cli`.
"""

def repository_relative_path(file):
    """The path of `file` from its repository's root."""
    path = file.short_path
    if path.startswith("../"):
        path = path[3:]
        path = path[path.find("/") + 1:]
    return path

def _normalize(path):
    parts = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)

def module_name(file, package, imports):
    """Returns (dotted module name, is_package) for a .py `file` of `package`."""
    path = repository_relative_path(file)
    if not path.endswith(".py"):
        fail("%s: a Python source must end in .py" % file.short_path)
    path = path[:-len(".py")]
    best = ""
    for entry in imports:
        root = _normalize(package + "/" + entry)
        if root and (path + "/").startswith(root + "/") and len(root) > len(best):
            best = root
        elif not root:
            best = best  # the repository root is the default anyway
    if best:
        path = path[len(best) + 1:]
    is_package = False
    if path == "__init__" or path.endswith("/__init__"):
        is_package = True
        path = path[:-len("__init__")].rstrip("/")
    if not path:
        fail("%s: cannot name a module for a top-level __init__.py" % file.short_path)
    name = path.replace("/", ".")
    for part in name.split("."):
        if not part or not (part[0].isalpha() or part[0] == "_") or not part.replace("_", "a").isalnum():
            fail("%s: '%s' is not a valid Python module name" % (file.short_path, name))
    return name, is_package
