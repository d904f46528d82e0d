"""Runs one of CPython's test modules and writes each test's outcome.

    run_cpython_test.py MODULE REPORT [SKIPS]

Imports MODULE (e.g. test.test_grammar) and loads its tests as CPython's own runner
(regrtest) does: the module imported under its own name, its load_tests hook honoured.
Tests named in the SKIPS file are left out and counted. Every other test runs under a
verbose unittest runner; REPORT gets one line per test, sorted: `ID<TAB>OUTCOME`, with
OUTCOME one of ok, fail, error, skip, xfail, xpass.

The same file runs under /usr/bin/python3.11 (the reference) and compiled by Kiln (as
the main module of a py_native_binary); compare_results.py compares the two reports.
"""

import importlib
import sys
import unittest


def read_skips(path, module):
    """{test id: reason} for MODULE from the skip list (`ID -- reason` lines)."""
    skips = {}
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            test_id, separator, reason = line.partition(" -- ")
            if not separator or not reason.strip():
                sys.exit("%s:%d: expected `TEST_ID -- reason`" % (path, number))
            if test_id.startswith(module + "."):
                skips[test_id.strip()] = reason.strip()
    return skips


def flatten(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            yield from flatten(test)
        else:
            yield test


class RecordingResult(unittest.TextTestResult):
    """A verbose result that also remembers the outcome of every test."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = {}

    def _record(self, test, outcome):
        test_id = test.id()
        # A failing subtest fails its test; a later success does not undo that.
        if self.outcomes.get(test_id) in ("fail", "error"):
            return
        self.outcomes[test_id] = outcome

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "ok")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "fail")

    def addError(self, test, err):
        super().addError(test, err)
        # Errors in setUpClass/tearDownModule come with a placeholder "test".
        self._record(test, "error")

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skip")

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "xfail")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "xpass")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.outcomes[test.id()] = "fail" if failed else "error"


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit("usage: run_cpython_test.py MODULE REPORT [SKIPS]")
    module_name, report = argv[1], argv[2]
    skips = read_skips(argv[3], module_name) if len(argv) == 4 else {}
    module = importlib.import_module(module_name)
    loaded = unittest.defaultTestLoader.loadTestsFromModule(module)
    kept = unittest.TestSuite()
    skipped = []
    for test in flatten(loaded):
        if test.id() in skips:
            skipped.append(test.id())
        else:
            kept.addTest(test)
    runner = unittest.TextTestRunner(stream=sys.stderr, verbosity=2, resultclass=RecordingResult)
    result = runner.run(kept)
    with open(report, "w", encoding="utf-8") as file:
        for test_id in sorted(result.outcomes):
            file.write("%s\t%s\n" % (test_id, result.outcomes[test_id]))
        for test_id in sorted(skipped):
            file.write("%s\tlisted\n" % test_id)
    missing = sorted(set(skips) - set(skipped))
    for test_id in missing:
        print("skip list names %s, which %s does not have" % (test_id, module_name), file=sys.stderr)
    print("%s: %d tests run, %d skipped by the skip list" % (module_name, result.testsRun, len(skipped)),
          file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
