"""compat_test: a Python program compiled by Kiln must behave as /usr/bin/python3.11 does.

    compat_test(name = "closures")                    # tests/compat/closures.py
    compat_test(name = "multi_pkg", main = "multi_pkg/main.py",
                srcs = glob(["multi_pkg/**/*.py"]), imports = ["multi_pkg"])

The program is built with py_native_binary (packed, as users get it, with its source
embedded) and run by compare.sh, without the .py files beside it, which checks stdout,
stderr and the exit status against golden/<name>.*, files written by regenerate.sh from
python3.11 (never by hand).
"""

load("//rules:defs.bzl", "py_native_binary")

def compat_test(name, main = None, srcs = [], imports = [], data = [], size = "small", **kwargs):
    main = main or name + ".py"
    py_native_binary(
        name = name + ".program",
        main = main,
        srcs = srcs,
        imports = imports,
        data = data,
        compression_level = 1,
        tags = ["manual"],
    )
    native.sh_test(
        name = name,
        size = size,
        srcs = ["compare.sh"],
        args = [
            "$(rootpath :%s.program)" % name,
            "tests/compat/golden/" + name,
        ],
        data = [
            ":" + name + ".program",
            "golden/%s.stdout" % name,
            "golden/%s.stderr" % name,
            "golden/%s.exit" % name,
            # No sources: tracebacks read their lines from the embedded source.
        ],
        **kwargs
    )
