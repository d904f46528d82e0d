# Task cancellation, timeouts (wait_for), shielding, and cleanup in finally blocks.
import asyncio


async def sleeper(name, log):
    try:
        while True:
            await asyncio.sleep(0)
            log.append(name)
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise
    finally:
        print(f"  {name} finally")


async def stubborn():
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        print("  stubborn swallows the cancellation")
        return "swallowed"


async def slow():
    await asyncio.sleep(3600)
    return "never"


async def quick():
    await asyncio.sleep(0)
    return "quick"


async def main():
    log = []
    task = asyncio.create_task(sleeper("s", log))
    for _ in range(3):
        await asyncio.sleep(0)
    print("cancel ->", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting the task raised CancelledError")
    print(task.cancelled(), task.done(), len(log) >= 1)

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    task.cancel()
    print(await task, task.cancelled())

    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    print(await asyncio.wait_for(quick(), timeout=10))

    inner = asyncio.create_task(quick())
    print(await asyncio.shield(inner))

    async def cancel_self():
        asyncio.current_task().cancel()
        await asyncio.sleep(0)
        return "not reached"

    try:
        await cancel_self()
    except asyncio.CancelledError:
        print("cancelled itself")
    print(asyncio.current_task().uncancel())

    # Cancelling a gather cancels its children.
    children = [asyncio.create_task(sleeper(f"child{i}", [])) for i in range(2)]
    group = asyncio.gather(*children)
    await asyncio.sleep(0)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled")
    print([c.cancelled() for c in children])

    # A timeout inside async with and try/finally
    async def guarded():
        try:
            await asyncio.sleep(3600)
        finally:
            print("  guarded cleanup")

    try:
        await asyncio.wait_for(guarded(), 0.01)
    except asyncio.TimeoutError:
        print("guarded timed out")


asyncio.run(main())
