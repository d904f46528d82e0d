from .counting import Totals


def format_report(totals: Totals, top: int) -> str:
    lines = [f"lines: {totals.lines}", f"words: {totals.word_count}"]
    width = max((len(word) for word, _ in totals.most_common(top)), default=0)
    for word, count in totals.most_common(top):
        lines.append(f"  {word:<{width}}  {count}")
    return "\n".join(lines)
