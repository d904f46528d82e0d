"""Compares Kiln's outcomes of a CPython test module with python3.11's.

    compare_results.py MODULE REFERENCE_REPORT KILN_REPORT

Passes when every test that passes under python3.11 (ok, or an expected failure) also
passes compiled by Kiln, except the tests of the skip list (`listed` in Kiln's report).
Prints the counts, the skipped tests and every test that passes only under python3.11.
"""

import sys

PASSING = ("ok", "xfail")


def read(path):
    outcomes = {}
    with open(path, encoding="utf-8") as file:
        for line in file:
            test_id, _, outcome = line.rstrip("\n").partition("\t")
            outcomes[test_id] = outcome
    return outcomes


def main(module, reference_path, kiln_path):
    reference = read(reference_path)
    kiln = read(kiln_path)
    listed = sorted(test for test, outcome in kiln.items() if outcome == "listed")
    passing = sorted(test for test, outcome in reference.items() if outcome in PASSING)
    regressions = [test for test in passing
                   if kiln.get(test, "not run") not in PASSING and test not in listed]
    passed_by_kiln = sum(1 for test in passing if kiln.get(test) in PASSING)
    print("%s: python3.11 ran %d tests, %d passed; Kiln passed %d of them; %d skipped by the skip list"
          % (module, len(reference), len(passing), passed_by_kiln, len(listed)))
    for test in listed:
        print("  skipped (listed): %s" % test)
    for test in regressions:
        print("  FAILS under Kiln (%s), passes under python3.11: %s" % (kiln.get(test, "not run"), test))
    return 1 if regressions else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: compare_results.py MODULE REFERENCE_REPORT KILN_REPORT")
    sys.exit(main(*sys.argv[1:]))
