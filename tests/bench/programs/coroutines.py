# Coroutines: generator-based coroutines driven by send(): a ping-pong pair, a
# push pipeline of filters ending in a sink, and a running-statistics coroutine.
def coroutine(function):
    def start(*args, **kwargs):
        gen = function(*args, **kwargs)
        next(gen)
        return gen
    return start


@coroutine
def ping():
    received = 0
    message = yield
    while True:
        received += 1
        message = yield message + 1


@coroutine
def pong(partner):
    total = 0
    value = yield
    while True:
        reply = partner.send(value)
        total += reply
        value = yield total


@coroutine
def scale(factor, target):
    while True:
        target.send((yield) * factor)


@coroutine
def keep_if(predicate, target):
    while True:
        value = yield
        if predicate(value):
            target.send(value)


@coroutine
def window_sum(size, target):
    window = []
    while True:
        window.append((yield))
        if len(window) == size:
            target.send(sum(window))
            window.pop(0)


class Sink:
    def __init__(self):
        self.count = 0
        self.checksum = 0

    @coroutine
    def consume(self):
        while True:
            value = yield
            self.count += 1
            self.checksum = (self.checksum * 31 + value) % 1_000_000_007


@coroutine
def statistics():
    count = 0
    mean = 0.0
    m2 = 0.0
    result = None
    while True:
        value = yield result
        count += 1
        delta = value - mean
        mean += delta / count
        m2 += delta * (value - mean)
        result = (count, mean, m2 / count)


pong_end = pong(ping())
last = 0
for i in range(1200000):
    last = pong_end.send(i)
print("ping-pong", last)

sink = Sink()
pipeline = scale(3, keep_if(lambda v: v % 7 != 0, window_sum(5, sink.consume())))
for i in range(1200000):
    pipeline.send(i)
pipeline.close()
print("pipeline", sink.count, sink.checksum)

stats = statistics()
summary = None
for i in range(600000):
    summary = stats.send((i * 7919) % 1000)
print("statistics", summary[0], round(summary[1], 6), round(summary[2], 4))
