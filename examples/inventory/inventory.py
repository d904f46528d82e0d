"""inventory: parse an order log with re, aggregate with dataclasses and collections,
and print a JSON report."""

import collections
import dataclasses
import json
import re
import sys

ORDER = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2}) (?P<sku>[A-Z]{3}-\d+) x(?P<count>\d+) @(?P<price>\d+\.\d{2})$")

LOG = """\
2026-01-03 ABC-1 x2 @3.50
2026-01-03 XYZ-42 x1 @19.99
2026-01-04 ABC-1 x5 @3.50
this line is not an order
2026-01-05 QRS-7 x3 @0.99
2026-01-05 XYZ-42 x2 @18.99
"""


@dataclasses.dataclass(order=True)
class Line:
    day: str
    sku: str
    count: int
    price: float

    @property
    def total(self) -> float:
        return round(self.count * self.price, 2)


def parse(text):
    lines, rejected = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        match = ORDER.match(raw)
        if match is None:
            rejected.append(number)
            continue
        fields = match.groupdict()
        lines.append(Line(fields["day"], fields["sku"], int(fields["count"]), float(fields["price"])))
    return lines, rejected


def summarize(lines):
    units = collections.Counter()
    revenue = collections.defaultdict(float)
    by_day = collections.OrderedDict()
    for line in sorted(lines):
        units[line.sku] += line.count
        revenue[line.sku] = round(revenue[line.sku] + line.total, 2)
        by_day.setdefault(line.day, []).append(line.sku)
    return {
        "units": dict(sorted(units.items())),
        "revenue": dict(sorted(revenue.items())),
        "best_seller": units.most_common(1)[0][0],
        "days": by_day,
        "orders": [dataclasses.asdict(line) for line in lines[:2]],
    }


def main():
    lines, rejected = parse(sys.stdin.read() if "--stdin" in sys.argv else LOG)
    report = summarize(lines)
    report["rejected_lines"] = rejected
    print(json.dumps(report, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
