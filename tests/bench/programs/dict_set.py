# Dict- and set-heavy code: an inverted index of generated documents, set algebra
# over postings, a graph as a dict of sets with breadth-first search, and counting.
from collections import Counter, defaultdict, deque


def documents(count, vocabulary):
    state = 12345
    docs = []
    for _ in range(count):
        words = []
        for _ in range(30):
            state = (state * 1103515245 + 12345) % 2**31
            words.append(vocabulary[(state >> 8) % len(vocabulary)])
        docs.append(words)
    return docs


def main():
    vocabulary = [f"w{i}" for i in range(900)]
    docs = documents(18000, vocabulary)
    index = defaultdict(set)
    for number, words in enumerate(docs):
        for word in words:
            index[word].add(number)
    hits = 0
    for i in range(0, 880, 3):
        both = index[vocabulary[i]] & index[vocabulary[i + 7]]
        either = index[vocabulary[i]] | index[vocabulary[i + 11]]
        only = index[vocabulary[i]] - index[vocabulary[i + 13]]
        hits += len(both) + len(either) - len(only) + len(both ^ only)
    counts = Counter(word for words in docs for word in words)
    graph = {word: set() for word in vocabulary}
    for words in docs[:4000]:
        for a, b in zip(words, words[1:]):
            if a != b:
                graph[a].add(b)
                graph[b].add(a)
    distances = {}
    for start in vocabulary[:40]:
        seen = {start: 0}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for neighbour in graph[node]:
                if neighbour not in seen:
                    seen[neighbour] = seen[node] + 1
                    queue.append(neighbour)
        distances[start] = sum(seen.values())
    inverted = {}
    for word, count in counts.items():
        inverted.setdefault(count, []).append(word)
    print(hits, counts.most_common(3), len(inverted), max(inverted))
    print(sum(distances.values()), min(len(s) for s in graph.values()))


main()
