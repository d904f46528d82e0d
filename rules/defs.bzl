"""Kiln's public Starlark API: compile Python 3.11 programs to native executables.

    load("@kiln//rules:defs.bzl", "py_native_binary", "py_native_library", "py_native_test")

    py_native_library(name = "lib", srcs = ["lib/__init__.py", "lib/util.py"])
    py_native_binary(name = "app", main = "app.py", deps = [":lib"])

Every .py file is compiled by its own `kilnc compile` action (cached locally and
remotely); `bazel build //pkg:app` leaves the program at bazel-bin/pkg/app.
"""

load("//rules/private:library.bzl", _py_native_binary = "py_native_binary", _py_native_library = "py_native_library", _py_native_test = "py_native_test")
load("//rules/private:providers.bzl", _PyNativeInfo = "PyNativeInfo")

py_native_library = _py_native_library
py_native_binary = _py_native_binary
py_native_test = _py_native_test
PyNativeInfo = _PyNativeInfo
