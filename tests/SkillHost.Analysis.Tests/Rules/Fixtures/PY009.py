import os
import requests
import subprocess
import time
from time import sleep
from pathlib import Path

import httpx


async def refresh_token(session_store, user_id):
    reply = requests.post(TOKEN_URL, data={"user": user_id}, timeout=5)  # expect: PY009
    await session_store.save(user_id, reply.json()["token"])


async def backoff():
    time.sleep(1)  # expect: PY009
    sleep(2)  # expect: PY009


async def read_config(path):
    with open(path) as f:  # expect: PY009
        return f.read()


async def build():
    subprocess.run(["make"])  # expect: PY009
    if os.path.exists("out"):  # expect: PY009
        return Path("out").read_text()  # expect: PY009



class Gateway:
    def __init__(self, client: httpx.Client | None = None):
        self.client = client or httpx.Client()
        self.fallback: httpx.Client | None = None

    async def forward(self, request):
        return self.fallback.send(request)  # expect: PY009


async def fetch_all(client: httpx.Client | None, urls):
    for url in urls:
        yield client.get(url)  # expect: PY009


async def ask():
    return input("continue? ")  # expect: PY009


def _load_template(name):
    with open(f"templates/{name}.html") as f:
        return f.read()


def _render(name, context):
    return _load_template(name).format(**context)


class Pages:
    def _read_config(self):
        return json.loads(Path("config.json").read_text())

    async def settings(self, request):
        return self._read_config()  # expect: PY009


async def page(request):
    return _load_template(request.path)  # expect: PY009


async def rendered(request):
    return _render(request.path, {"user": request.user})  # expect: PY009


# OK
async def non_blocking(http, session_store, user_id):
    reply = await http.post(TOKEN_URL, data={"user": user_id}, timeout=5)
    await session_store.save(user_id, reply.json()["token"])


async def offloaded(path):
    await asyncio.sleep(1)
    data = await asyncio.to_thread(read_file, path)
    size = await loop.run_in_executor(None, os.path.getsize, path)
    text = await loop.run_in_executor(None, lambda: open(path).read())
    return data, size, text


async def nested_sync(path):
    def read():
        with open(path) as f:
            return f.read()

    return await asyncio.to_thread(read)


def sync_code(path):
    time.sleep(1)
    return open(path).read()


async def async_library(store, path):
    await store.read_text(path)


async def async_client(client: httpx.AsyncClient, url):
    response = await client.get(url)
    request = client.build_request("GET", url)
    return response, request


async def unknown_client(client, cache, url):
    cache.get(url)
    return client.get(url)


def _pure(name):
    return name.strip().lower()


def _deferred(name):
    def later():
        return open(name).read()
    return later


async def offloaded(request):
    page = await asyncio.to_thread(_load_template, request.path)
    key = _pure(request.path)
    reader = _deferred(key)
    return page, reader
