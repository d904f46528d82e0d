# Task scheduler: a small OS-like kernel with process objects, priority run queues,
# mailboxes and a sleep timer; producers, a dispatcher, workers and a collector.
import heapq
from collections import deque


class Lcg:
    """A tiny seeded linear congruential generator, so the run is reproducible."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state % bound


class Mailbox:
    def __init__(self, name):
        self.name = name
        self.messages = deque()
        self.waiting = deque()
        self.delivered = 0


class Process:
    RUNNING, READY, BLOCKED, SLEEPING, DONE = range(5)

    def __init__(self, pid, priority):
        self.pid = pid
        self.priority = priority
        self.state = Process.READY
        self.inbox_message = None
        self.switches = 0

    def step(self, kernel):
        raise NotImplementedError


class Producer(Process):
    def __init__(self, pid, priority, target, jobs, seed):
        super().__init__(pid, priority)
        self.target = target
        self.remaining = jobs
        self.rng = Lcg(seed)

    def step(self, kernel):
        if self.remaining == 0:
            return kernel.exit(self)
        self.remaining -= 1
        size = 8 + self.rng.next(24)
        job = Job(self.pid * 100000 + self.remaining, self.rng.next(3), [self.rng.next(1000) for _ in range(size)])
        kernel.send(self, self.target, job)
        if self.rng.next(4) == 0:
            return kernel.sleep(self, 1 + self.rng.next(3))
        return kernel.yield_(self)


STOP = object()  # tells a worker to exit


class Job:
    __slots__ = ("ident", "kind", "data", "result")

    def __init__(self, ident, kind, data):
        self.ident = ident
        self.kind = kind
        self.data = data
        self.result = 0


class Dispatcher(Process):
    def __init__(self, pid, priority, inbox, worker_boxes, expected):
        super().__init__(pid, priority)
        self.inbox = inbox
        self.worker_boxes = worker_boxes
        self.expected = expected
        self.routed = [0] * len(worker_boxes)

    def step(self, kernel):
        job = self.inbox_message
        self.inbox_message = None
        if job is not None:
            index = (job.kind + job.ident) % len(self.worker_boxes)
            self.routed[index] += 1
            kernel.send(self, self.worker_boxes[index], job)
            self.expected -= 1
        if self.expected == 0:
            for box in self.worker_boxes:
                kernel.send(self, box, STOP)
            return kernel.exit(self)
        return kernel.receive(self, self.inbox)


class Worker(Process):
    CHUNK = 6

    def __init__(self, pid, priority, inbox, results):
        super().__init__(pid, priority)
        self.inbox = inbox
        self.results = results
        self.job = None
        self.position = 0
        self.processed = 0

    def step(self, kernel):
        if self.job is None:
            message = self.inbox_message
            self.inbox_message = None
            if message is STOP:
                return kernel.exit(self)
            if message is None:
                return kernel.receive(self, self.inbox)
            self.job = message
            self.position = 0
        job = self.job
        end = min(self.position + Worker.CHUNK, len(job.data))
        acc = job.result
        for value in job.data[self.position:end]:
            if job.kind == 0:
                acc = (acc * 31 + value) % 1000003
            elif job.kind == 1:
                acc ^= value << (value % 7)
            else:
                acc += value * value
        job.result = acc
        self.position = end
        if end == len(job.data):
            self.processed += 1
            kernel.send(self, self.results, job)
            self.job = None
        return kernel.yield_(self)


class Collector(Process):
    def __init__(self, pid, priority, inbox, expected):
        super().__init__(pid, priority)
        self.inbox = inbox
        self.expected = expected
        self.checksum = 0
        self.count = 0

    def step(self, kernel):
        job = self.inbox_message
        self.inbox_message = None
        if job is not None:
            self.checksum = (self.checksum * 7 + job.result + job.ident) % 998244353
            self.count += 1
            if self.count == self.expected:
                return kernel.exit(self)
        return kernel.receive(self, self.inbox)


class Kernel:
    def __init__(self, levels):
        self.queues = [deque() for _ in range(levels)]
        self.sleepers = []
        self.clock = 0
        self.switches = 0
        self.processes = []
        self.sequence = 0

    def spawn(self, process):
        self.processes.append(process)
        self.queues[process.priority].append(process)

    def make_ready(self, process):
        process.state = Process.READY
        self.queues[process.priority].append(process)

    def yield_(self, process):
        self.make_ready(process)

    def exit(self, process):
        process.state = Process.DONE

    def sleep(self, process, ticks):
        process.state = Process.SLEEPING
        self.sequence += 1
        heapq.heappush(self.sleepers, (self.clock + ticks, self.sequence, process))

    def send(self, sender, box, message):
        box.delivered += 1
        if box.waiting:
            receiver = box.waiting.popleft()
            receiver.inbox_message = message
            self.make_ready(receiver)
        else:
            box.messages.append(message)

    def receive(self, process, box):
        if box.messages:
            message = box.messages.popleft()
            process.inbox_message = message
            self.make_ready(process)
        else:
            process.state = Process.BLOCKED
            box.waiting.append(process)

    def pick(self):
        for queue in self.queues:
            if queue:
                return queue.popleft()
        return None

    def run(self):
        while True:
            self.clock += 1
            while self.sleepers and self.sleepers[0][0] <= self.clock:
                _, _, process = heapq.heappop(self.sleepers)
                self.make_ready(process)
            process = self.pick()
            if process is None:
                if not self.sleepers:
                    return
                continue
            process.state = Process.RUNNING
            process.switches += 1
            self.switches += 1
            process.step(self)


def main():
    kernel = Kernel(4)
    jobs_per_producer = 15000
    producers = 4
    total = jobs_per_producer * producers
    dispatch_box = Mailbox("dispatch")
    result_box = Mailbox("results")
    worker_boxes = [Mailbox(f"worker{i}") for i in range(5)]
    pid = 0
    for i in range(producers):
        pid += 1
        kernel.spawn(Producer(pid, 2 + i % 2, dispatch_box, jobs_per_producer, 17 + i))
    pid += 1
    dispatcher = Dispatcher(pid, 1, dispatch_box, worker_boxes, total)
    kernel.spawn(dispatcher)
    workers = []
    for box in worker_boxes:
        pid += 1
        worker = Worker(pid, 3, box, result_box)
        workers.append(worker)
        kernel.spawn(worker)
    pid += 1
    collector = Collector(pid, 0, result_box, total)
    kernel.spawn(collector)
    kernel.run()
    print("clock", kernel.clock, "switches", kernel.switches)
    print("routed", dispatcher.routed)
    print("processed", [w.processed for w in workers], "collected", collector.count)
    print("checksum", collector.checksum)
    print("states", sorted(p.state for p in kernel.processes))
    print("mail", [box.delivered for box in [dispatch_box, result_box] + worker_boxes])


main()
