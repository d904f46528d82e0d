"""Kiln's public Starlark API: re-exports only (implementations live in private/)."""

load("//rules/private:pack.bzl", _KILN_PACKED_PROGRAM_LINKOPTS = "KILN_PACKED_PROGRAM_LINKOPTS", _kiln_packed_binary = "kiln_packed_binary")
load("//rules/private:providers.bzl", _KilnPackedInfo = "KilnPackedInfo")

kiln_packed_binary = _kiln_packed_binary
KILN_PACKED_PROGRAM_LINKOPTS = _KILN_PACKED_PROGRAM_LINKOPTS
KilnPackedInfo = _KilnPackedInfo
