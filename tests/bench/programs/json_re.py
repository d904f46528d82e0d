# json and re: generated log lines parsed with compiled regular expressions
# (groups, named groups, findall, sub with a function), aggregated, then written
# to and read back from JSON documents.
import json
import re

LINE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>\d\d:\d\d:\d\d) \[(?P<level>[A-Z]+)\] "
                  r"(?P<module>[\w.]+): (?P<message>.*)")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
KEY_VALUE = re.compile(r"(\w+)=(\"[^\"]*\"|\S+)")
EMAIL = re.compile(r"\b[\w.]+@([\w-]+\.)+[a-z]{2,}\b")


def make_lines(count):
    levels = ["DEBUG", "INFO", "WARNING", "ERROR"]
    modules = ["net.http", "db.pool", "auth", "cache.lru", "jobs.worker"]
    lines = []
    for i in range(count):
        level = levels[(i * 7) % 4]
        module = modules[(i * 3) % 5]
        message = (f'request id={i} user="user{i % 97}@example{i % 5}.org" took={i % 1000 / 10}ms '
                   f"status={200 + (i % 4) * 100} size={i * 13 % 9000}")
        lines.append(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d} "
                     f"[{level}] {module}: {message}")
    return lines


def redact(match):
    return "<" + match.group(1).rstrip(".") + ">"


def main():
    lines = make_lines(52000)
    summary = {}
    numbers_total = 0.0
    redacted_length = 0
    for line in lines:
        match = LINE.match(line)
        fields = dict(KEY_VALUE.findall(match.group("message")))
        key = f"{match['level']}:{match['module']}"
        entry = summary.setdefault(key, {"count": 0, "bytes": 0, "statuses": {}})
        entry["count"] += 1
        entry["bytes"] += int(fields["size"])
        entry["statuses"][fields["status"]] = entry["statuses"].get(fields["status"], 0) + 1
        numbers_total += sum(float(n) for n in NUMBER.findall(match.group("message")))
        redacted_length += len(EMAIL.sub(redact, line))
    document = json.dumps(summary, sort_keys=True, indent=2)
    events = [json.dumps({"line": i, "text": line, "parts": line.split()[:4]}) for i, line in enumerate(lines)]
    decoded = [json.loads(event) for event in events]
    back = json.loads(document)
    print(len(document), len(back), back["ERROR:auth"]["count"], sorted(back["INFO:db.pool"]["statuses"].items()))
    print(round(numbers_total, 1), redacted_length, sum(len(d["text"]) for d in decoded), decoded[123]["parts"])


main()
