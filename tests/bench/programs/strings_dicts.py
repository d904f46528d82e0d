# String and dict work: tokenising, counting, building and joining strings.
def words(count):
    vocabulary = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    return [vocabulary[(i * 7 + i // 3) % len(vocabulary)] + str(i % 13) for i in range(count)]


def main():
    text = " ".join(words(2000000))
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    lengths = {}
    for word, count in counts.items():
        key = len(word)
        lengths[key] = lengths.get(key, 0) + count
    pieces = []
    for word in sorted(counts):
        pieces.append(f"{word}={counts[word]}")
    joined = ",".join(pieces)
    upper = sum(1 for ch in joined if ch.isupper())
    print(len(counts), sorted(lengths.items()), len(joined), upper, joined[:60])


main()
