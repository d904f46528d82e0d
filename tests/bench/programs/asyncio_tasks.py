# asyncio: many small tasks, producer/consumer queues, a semaphore, gather, an
# event and timeouts that never fire, all on one event loop with zero sleeps.
import asyncio


async def produce(queue, producer, items):
    for i in range(items):
        await queue.put((producer, i))
        if i % 10 == 0:
            await asyncio.sleep(0)
    await queue.put(None)


async def consume(queue, results, stats):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            return
        producer, i = item
        results[producer] = (results.get(producer, 0) * 31 + i) % 1_000_003
        stats["items"] += 1
        queue.task_done()


async def limited(semaphore, n, stats):
    async with semaphore:
        stats["peak"] = max(stats["peak"], stats["inside"] + 1)
        stats["inside"] += 1
        await asyncio.sleep(0)
        total = sum(range(n % 50))
        stats["inside"] -= 1
        return total


async def waiter(event, n):
    await event.wait()
    return n * 2


async def pipeline_round(round_number):
    queue = asyncio.Queue(maxsize=16)
    results = {}
    stats = {"items": 0, "peak": 0, "inside": 0}
    producers = [asyncio.create_task(produce(queue, p, 200)) for p in range(8)]
    consumers = [asyncio.create_task(consume(queue, results, stats)) for _ in range(8)]
    await asyncio.gather(*producers)
    await asyncio.gather(*consumers)
    semaphore = asyncio.Semaphore(5)
    sums = await asyncio.gather(*(limited(semaphore, n + round_number, stats) for n in range(300)))
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(event, n)) for n in range(100)]
    await asyncio.sleep(0)
    event.set()
    doubled = await asyncio.wait_for(asyncio.gather(*waiters), timeout=60)
    return stats["items"], sum(results.values()), sum(sums), stats["peak"], sum(doubled)


async def main():
    totals = [0, 0, 0, 0, 0]
    for round_number in range(90):
        for k, value in enumerate(await pipeline_round(round_number)):
            totals[k] += value
    print(totals)


asyncio.run(main())
