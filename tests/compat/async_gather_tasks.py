# asyncio from compiled coroutines: gather, create_task, sleep(0), Queue, results and errors.
import asyncio


async def worker(name, steps, log):
    for step in range(steps):
        log.append(f"{name}{step}")
        await asyncio.sleep(0)
    return f"{name} did {steps}"


async def failing(after):
    for _ in range(after):
        await asyncio.sleep(0)
    raise ValueError(f"failed after {after}")


async def producer(queue, count):
    for i in range(count):
        await queue.put(i)
        print("put", i)
    await queue.put(None)


async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            return total
        print("got", item)
        total += item


async def main():
    log = []
    results = await asyncio.gather(worker("a", 3, log), worker("b", 2, log), worker("c", 1, log))
    print(results)
    print(log)

    task = asyncio.create_task(worker("t", 2, log), name="my-task")
    print(task.get_name(), task.done())
    print(await task, task.done(), task.result())

    outcomes = await asyncio.gather(failing(1), worker("x", 1, []), return_exceptions=True)
    print([repr(o) for o in outcomes])
    try:
        await asyncio.gather(failing(0), worker("y", 3, []))
    except ValueError as error:
        print("gather raised", error)

    queue = asyncio.Queue(maxsize=2)
    total, _ = await asyncio.gather(consumer(queue), producer(queue, 5))
    print("total", total)

    # Tasks see each other's results through futures.
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    async def setter():
        await asyncio.sleep(0)
        future.set_result(42)

    asyncio.ensure_future(setter())
    print("future", await future)

    # as_completed and wait
    tasks = [asyncio.create_task(worker(n, s, [])) for n, s in [("p", 2), ("q", 0), ("r", 1)]]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending))
    finished = [await f for f in asyncio.as_completed([worker("z", 1, []), worker("w", 0, [])])]
    print(sorted(finished))

    # A coroutine function passed around as a value
    async def apply(function, *args):
        return await function(*args)

    print(await apply(worker, "v", 1, []))
    return "main done"


print(asyncio.run(main()))
