import asyncio

async def fetch(session, urls):
    async with session.get(urls[0]) as response, lock:
        data = await response.json()
    results = [await fetch_one(u) for u in urls]
    async for chunk in stream():
        await asyncio.sleep(0)
    return data

match command.split():
    case [action]:
        pass
    case Point(x=0, y=0) if flag:
        handle()
    case _:
        match = 1

type Alias = list[int]
match(x)
case = 3
