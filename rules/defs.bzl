"""Kiln's public Starlark API (re-exports only; implementations live in private/).

    load("@kiln//rules:defs.bzl", "py_native_binary", "py_native_library", "py_native_test")

    py_native_library(name = "lib", srcs = ["lib/__init__.py", "lib/util.py"])
    py_native_binary(name = "app", main = "app.py", deps = [":lib"])

Every .py file is compiled by its own `kilnc compile` action (cached locally and
remotely); `bazel build //pkg:app` leaves the program at bazel-bin/pkg/app.
"""

load("//rules/private:library.bzl", _py_native_binary = "py_native_binary", _py_native_library = "py_native_library", _py_native_test = "py_native_test")
load("//rules/private:pack.bzl", _KILN_PACKED_PROGRAM_LINKOPTS = "KILN_PACKED_PROGRAM_LINKOPTS", _kiln_packed_binary = "kiln_packed_binary")
load("//rules/private:providers.bzl", _KilnPackedInfo = "KilnPackedInfo", _PyNativeInfo = "PyNativeInfo")

py_native_library = _py_native_library
py_native_binary = _py_native_binary
py_native_test = _py_native_test
PyNativeInfo = _PyNativeInfo
kiln_packed_binary = _kiln_packed_binary
KILN_PACKED_PROGRAM_LINKOPTS = _KILN_PACKED_PROGRAM_LINKOPTS
KilnPackedInfo = _KilnPackedInfo
