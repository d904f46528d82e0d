# The one program of the benchmark suite: `bench NAME` imports the module
# tests/bench/programs/NAME.py, whose top-level code is the benchmark (python3.11 runs
# the same file directly). One binary for all programs keeps the build to one link.
import importlib
import sys

if len(sys.argv) != 2:
    sys.exit(f"usage: {sys.argv[0]} PROGRAM   (a module of tests/bench/programs)")
importlib.import_module("tests.bench.programs." + sys.argv[1])
