import collections
import re

WORD = re.compile(r"[A-Za-z']+")


class Totals:
    def __init__(self):
        self.lines = 0
        self.words = collections.Counter()

    def add_text(self, text, fold_case=False):
        self.lines += text.count("\n")
        for word in WORD.findall(text):
            self.words[word.lower() if fold_case else word] += 1

    @property
    def word_count(self):
        return sum(self.words.values())

    def most_common(self, count):
        # Ties are broken alphabetically, so the output is stable.
        return sorted(self.words.items(), key=lambda item: (-item[1], item[0]))[:count]
