"""cpython_test: one of CPython's own test modules, compiled by Kiln, run against python3.11."""

load("//rules:defs.bzl", "py_native_binary")

def cpython_test(name, also = [], stdlib_include = [], size = "medium", **kwargs):
    """Compiles test.<name> (and the test modules it imports, `also`) with Kiln.

    `stdlib_include`: modules of the bundled stdlib that the test imports by a computed
    name (the packer follows import statements only).
    The program is run_cpython_test.py with the module compiled beside it; the test runs
    it and python3.11 on the same module and fails when a test that passes under
    python3.11 does not pass compiled (skips.txt lists the exceptions, with reasons).
    """
    py_native_binary(
        name = name + ".program",
        main = "run_cpython_test.py",
        srcs = ["@kiln_cpython_tests//:test/%s.py" % module for module in [name] + also],
        compression_level = 1,
        extensions = ["@kiln_cpython_tests//:test_extensions"],
        stdlib_include = stdlib_include,
        tags = ["manual"],
    )
    native.sh_test(
        name = name,
        size = size,
        srcs = ["run_and_compare.sh"],
        args = [
            "$(rootpath :%s.program)" % name,
            "test." + name,
            "$(rootpath run_cpython_test.py)",
            "$(rootpath compare_results.py)",
            "$(rootpath skips.txt)",
        ],
        data = [
            ":%s.program" % name,
            "run_cpython_test.py",
            "compare_results.py",
            "skips.txt",
        ],
        **kwargs
    )
