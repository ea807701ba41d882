async def collect_quotes(carriers, parcel):
    quotes = []
    for carrier in carriers:
        quotes.append(await carrier.quote(parcel))  # expect: PY005
    return quotes


async def prices(client, skus):
    out = {}
    for sku in skus:
        out[sku] = await client.price(sku)  # expect: PY005
    return out


async def fetch_all(client, urls):
    return [await client.fetch_json(url) for url in urls]  # expect: PY005


async def fetch_pages(client, urls):
    pages = []
    for url in urls:
        response = await client.get(url)  # expect: PY005
        pages.append(response.json())
    return pages


# OK
async def gathered(carriers, parcel):
    return await asyncio.gather(*(carrier.quote(parcel) for carrier in carriers))


async def paginate(client):
    cursor = None
    for _ in range(100):
        page = await client.page(cursor)
        cursor = page.next_cursor


async def first_ok(mirrors):
    for mirror in mirrors:
        result = await mirror.download()
        if result.ok:
            return result


async def drain_jobs(jobs):
    done = []
    for _ in range(10):
        job = await jobs.get()
        done.append(job)
    return done


async def consume(queue):
    for _ in range(10):
        item = await queue.get()
        handle(item)


async def paced(items):
    for item in items:
        await asyncio.sleep(0.1)
        handle(item)


async def streamed(source):
    async for item in source:
        await store(item)


async def tasks_already_running(tasks):
    for task in tasks:
        await task


async def one_connection(conn, rows):
    for row in rows:
        await conn.execute("INSERT INTO t VALUES ($1)", row)


async def with_lock(lock, items):
    for item in items:
        async with lock:
            pass


async def notify(users, mailer):
    # A bare awaited statement: a side effect whose order may matter.
    for user in users:
        await mailer.send_welcome(user.email)


async def finalize_all(agens):
    results = []
    for agen in agens:
        results.append(await finalize_one(agen))
    return results


def not_async(items):
    for item in items:
        item.run()


# The passes share a cache: a repeated key is served by an earlier pass's result; gather would fetch every duplicate.
async def prices(skus, client):
    cache = {}
    out = []
    for sku in skus:
        if sku not in cache:
            cache[sku] = await client.get_price(sku)
        out.append(cache[sku])
    return out


async def profiles(user_ids, api):
    seen = {}
    for uid in user_ids:
        profile = seen.get(uid)
        if profile is None:
            profile = await api.fetch_profile(uid)
            seen[uid] = profile
        yield profile
