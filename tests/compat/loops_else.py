# for/while with else: else runs when the loop ends without break; break, continue,
# return and exceptions inside loops.
def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            print("found at", index)
            break
    else:
        print("not found")
        return -1
    return index
print(find([1, 2, 3], 2), find([1, 2, 3], 7), find([], 0))
n = 0
while n < 3:
    n += 1
else:
    print("while finished", n)
n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never")
print("broke at", n)
for i in range(5):
    if i % 2:
        continue
    print("even", i)
else:
    print("for else after continue", i)
def primes(limit):
    out = []
    for candidate in range(2, limit):
        for divisor in range(2, candidate):
            if candidate % divisor == 0:
                break
        else:
            out.append(candidate)
    return out
print(primes(30))
count = 0
while count < 10:
    count += 1
    if count < 8:
        continue
    print("count", count)
else:
    print("while else", count)
def early():
    for i in range(10):
        if i == 3:
            return i
    else:
        return "else"
print(early())
for _ in []:
    print("never")
else:
    print("empty loop else")
try:
    for i in range(3):
        if i == 1:
            raise ValueError(f"stop at {i}")
    else:
        print("never")
except ValueError as error:
    print("ValueError:", error)
total = 0
for i in range(3):
    try:
        if i == 1:
            continue
        total += i
    finally:
        total += 100
print(total)
k = 0
while k < 5:
    k += 1
    try:
        if k == 2:
            break
    finally:
        print("finally", k)
print("k", k)
