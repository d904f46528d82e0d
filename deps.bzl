"""kiln_dependencies(): every external repository Kiln needs, and its toolchains.

A workspace that uses Kiln needs only:

    local_repository(name = "kiln", path = "...")
    load("@kiln//:deps.bzl", "kiln_dependencies")
    kiln_dependencies()

Everything comes from Debian packages on this machine (./bazelw installs them); nothing
is downloaded and no third-party source is committed.
"""

load("//rules/private/repositories:bazel_shims.bzl", "coverage_tools_stub", "debian_rules_cc", "debian_rules_java")
load("//rules/private/repositories:system_libraries.bzl", "debian_abseil", "debian_library")
load("//toolchains/python:repository.bzl", "debian_cpython_tests", "debian_python_runtime")

def _maybe(rule, name, **kwargs):
    if name not in native.existing_rules():
        rule(name = name, **kwargs)

_RE2_BUILD = """\
cc_library(
    name = "re2",
    srcs = ["lib/libre2.a"],
    hdrs = glob(["include/re2/*.h"]),
    includes = ["include"],
    linkopts = ["-pthread"],
    linkstatic = True,
)
"""

_GTEST_BUILD = """\
cc_library(
    name = "gtest",
    srcs = ["lib/libgtest.a"],
    hdrs = glob(["include/gtest/**/*.h"]),
    defines = ["GTEST_HAS_PTHREAD=1"],
    includes = ["include"],
    linkopts = ["-pthread"],
    linkstatic = True,
)

cc_library(
    name = "gmock",
    srcs = ["lib/libgmock.a"],
    hdrs = glob(["include/gmock/**/*.h"]),
    includes = ["include"],
    linkstatic = True,
    deps = [":gtest"],
)

# main() that runs all tests; GoogleMock comes with it so tests can use matchers.
cc_library(
    name = "gtest_main",
    srcs = ["lib/libgtest_main.a"],
    linkstatic = True,
    deps = [":gmock", ":gtest"],
)
"""

_ZSTD_BUILD = """\
cc_library(
    name = "zstd",
    srcs = ["lib/libzstd.a"],
    hdrs = ["include/zstd.h", "include/zstd_errors.h", "include/zdict.h"],
    includes = ["include"],
    linkopts = ["-pthread"],
    linkstatic = True,
)
"""

def kiln_dependencies():
    """Declares Kiln's external repositories and registers its toolchains."""

    # What Bazel 4.2.3 would otherwise download (see bazel_shims.bzl).
    _maybe(debian_rules_cc, name = "rules_cc")
    _maybe(debian_rules_java, name = "rules_java")
    _maybe(coverage_tools_stub, name = "remote_coverage_tools")

    _maybe(debian_abseil, name = "kiln_absl")
    _maybe(
        debian_library,
        name = "kiln_re2",
        package = "libre2-dev",
        pkgconfig_module = "re2",
        headers = ["re2"],
        archives = ["re2"],
        build_file_content = _RE2_BUILD,
    )
    _maybe(
        debian_library,
        name = "kiln_gtest",
        package = "libgtest-dev",
        pkgconfig_module = "gtest",
        minimum_version = "1.12",
        headers = ["gtest", "gmock"],
        archives = ["gtest", "gtest_main", "gmock"],
        build_file_content = _GTEST_BUILD,
    )
    _maybe(
        debian_library,
        name = "kiln_zstd",
        package = "libzstd-dev",
        pkgconfig_module = "libzstd",
        minimum_version = "1.5",
        headers = ["zstd.h", "zstd_errors.h", "zdict.h"],
        archives = ["zstd"],
        build_file_content = _ZSTD_BUILD,
    )

    _maybe(
        debian_python_runtime,
        name = "kiln_python_linux_x86_64",
        multiarch = "x86_64-linux-gnu",
        debian_arch = "amd64",
    )
    native.register_toolchains("@kiln//toolchains/python:linux_x86_64")

    # Only Kiln's own tests use it (tests/cpython); fetched only when they are built.
    _maybe(debian_cpython_tests, name = "kiln_cpython_tests")
