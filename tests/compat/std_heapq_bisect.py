# heapq and bisect: priority queues, merging, n-largest; sorted insertion and grading.
import bisect
import heapq

heap = []
for value in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, value)
print(heap[0], [heapq.heappop(heap) for _ in range(3)], heap)
data = [7, 2, 9, 4]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 1), heapq.heapreplace(data, 10), sorted(data))
print(heapq.nlargest(3, [1, 8, 3, 9, 4]), heapq.nsmallest(2, ["pear", "fig", "apple"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])))
print(list(heapq.merge(["b", "d"], ["a", "c"], reverse=False)))
tasks = []
heapq.heappush(tasks, (2, "write"))
heapq.heappush(tasks, (1, "plan"))
heapq.heappush(tasks, (3, "ship"))
heapq.heappush(tasks, (1, "coffee"))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError as e:
    print(type(e).__name__, e)

scores = [60, 70, 80, 90]
grades = "FDCBA"
print([grades[bisect.bisect(scores, s)] for s in [33, 60, 75, 89, 90, 100]])
items = [1, 3, 3, 5]
print(bisect.bisect_left(items, 3), bisect.bisect_right(items, 3), bisect.bisect(items, 0))
bisect.insort(items, 4)
bisect.insort_left(items, 3)
print(items)
records = [("a", 1), ("c", 3)]
bisect.insort(records, ("b", 2))
print(records, bisect.bisect_left([10, 20, 30], 25, key=None))
people = sorted([("ann", 31), ("bob", 25), ("cy", 40)], key=lambda p: p[1])
ages = [p[1] for p in people]
print(people[bisect.bisect_left(ages, 30)], bisect.bisect([(1, "x")], (1, "y"), key=lambda t: t))
