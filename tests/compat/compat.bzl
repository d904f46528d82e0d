"""compat_test: a Python program compiled by Kiln must behave as /usr/bin/python3.11 does.

    compat_test(name = "closures")                    # tests/compat/closures.py
    compat_test(name = "multi_pkg", main = "multi_pkg/main.py",
                srcs = glob(["multi_pkg/**/*.py"]), imports = ["multi_pkg"])

The program is built with py_native_binary (packed, as users get it) and run by
compare.sh, which checks stdout, stderr and the exit status against golden/<name>.*,
files written by regenerate.sh from python3.11 (never by hand).
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
    sources = [main] + [src for src in srcs if src != main]
    args = []
    if "/" in main:
        # <name>/main.py: the test's own executable is tests/compat/<name> in the runfiles,
        # so the folder <name>/ cannot be there too. The sources are copied under
        # <name>.sources/ and compare.sh runs the program where they are seen as
        # tests/compat/<name>/..., the paths its tracebacks name.
        copies = [name + ".sources/" + src for src in sources]
        native.genrule(
            name = name + ".sources",
            srcs = sources,
            outs = copies,
            cmd = " && ".join([
                "cp $(location %s) $(location %s)" % (src, copy)
                for src, copy in zip(sources, copies)
            ]),
        )
        sources = copies
        args = ["tests/compat/%s.sources" % name]
    native.sh_test(
        name = name,
        size = size,
        srcs = ["compare.sh"],
        args = [
            "$(rootpath :%s.program)" % name,
            "tests/compat/golden/" + name,
        ] + args,
        data = [
            ":" + name + ".program",
            "golden/%s.stdout" % name,
            "golden/%s.stderr" % name,
            "golden/%s.exit" % name,
            # The sources, where tracebacks look for their lines (as python3.11 does).
        ] + sources,
        **kwargs
    )
