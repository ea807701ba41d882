import time

import requests


async def handle_upload(request, storage_url):
    """aiohttp handler: stores an uploaded document and returns its id."""
    body = await request.read()
    response = requests.post(storage_url, data=body, timeout=10)
    time.sleep(0.05)  # give the storage service time to index
    return {"id": response.json()["id"]}
