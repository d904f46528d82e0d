"""wordcount: count lines, words and the most common words of text files or stdin."""

import argparse
import sys

from textstats import counting
from textstats.report import format_report


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="wordcount", description=__doc__)
    parser.add_argument("files", nargs="*", help="files to read (default: stdin)")
    parser.add_argument("-n", "--top", type=int, default=5, help="how many common words to show")
    parser.add_argument("--ignore-case", action="store_true", help="fold case before counting")
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    totals = counting.Totals()
    sources = arguments.files or ["-"]
    for name in sources:
        try:
            stream = sys.stdin if name == "-" else open(name, encoding="utf-8")
        except OSError as error:
            print(f"wordcount: {name}: {error.strerror}", file=sys.stderr)
            return 1
        with stream:
            totals.add_text(stream.read(), fold_case=arguments.ignore_case)
    print(format_report(totals, arguments.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
