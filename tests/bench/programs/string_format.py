# String building and formatting: f-strings with format specs, str.format, %
# formatting, join, padding and alignment, a small report and a text wrapper.
def report_lines(count):
    lines = []
    for i in range(count):
        name = f"item-{i:05d}"
        price = (i * 7919 % 10000) / 100
        quantity = i % 23
        lines.append(f"{name:<12}|{price:>9.2f}|{quantity:^5}|{price * quantity:>12,.2f}|{i:#06x}")
    return lines


def legacy_lines(count):
    out = []
    for i in range(count):
        out.append("%-8s %6.3f %+d %s" % ("row%d" % i, i / 7, i - count // 2, "{:>4}".format(i % 100)))
    return out


def wrap(words, width):
    lines, current = [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def main():
    report = report_lines(240000)
    legacy = legacy_lines(240000)
    text = "\n".join(report)
    words = " ".join(line.split("|")[0].strip().replace("-", " ") for line in report[:60000]).split()
    wrapped = wrap(words, 60)
    centred = [line.center(64, ".") for line in wrapped]
    title = "Report".upper().rjust(20, "*") + "end".title().ljust(10, "-")
    checksum = 0
    for ch in text[::7]:
        checksum = (checksum * 33 + ord(ch)) % 1_000_003
    print(len(text), checksum, report[12345])
    print(legacy[4242], len("".join(legacy)))
    print(len(wrapped), centred[7], title)
    print(sum(line.count("0") for line in report), text.count("|  0  |"))


main()
