# The cases flake8-async documents for ASYNC210-ASYNC251 (its tests/eval_files, the rules ruff ports), rewritten as
# code that imports what it uses. Each line the peer flags carries `peer: ASYNCnnn`; a line the peer flags and we do
# not says why after `not ours:`; a line we flag and the peer does not says why after `ours:`.
import io
import os
import os.path
import pathlib
import subprocess
import time
import urllib
import urllib.request
from os.path import isfile, normpath, relpath
from time import sleep
from typing import Optional
from urllib import request
from urllib.request import urlopen
from io import BufferedRandom, BufferedReader, BufferedWriter, TextIOWrapper

import httpx
import httpx2
import requests
import trio
import urllib3
from urllib3 import PoolManager


async def http_calls(url):
    requests.get(url)  # peer: ASYNC210  # expect: PY009
    print(requests.get(url))  # peer: ASYNC210  # expect: PY009
    requests.options(url)  # peer: ASYNC210  # expect: PY009
    requests.head(url)  # peer: ASYNC210  # expect: PY009
    requests.post(url)  # peer: ASYNC210  # expect: PY009
    requests.put(url)  # peer: ASYNC210  # expect: PY009
    requests.patch(url)  # peer: ASYNC210  # expect: PY009
    requests.delete(url)  # peer: ASYNC210  # expect: PY009
    httpx.options(url)  # peer: ASYNC210  # expect: PY009
    httpx.head(url)  # peer: ASYNC210  # expect: PY009
    httpx.post(url)  # peer: ASYNC210  # expect: PY009
    httpx.put(url)  # peer: ASYNC210  # expect: PY009
    httpx.patch(url)  # peer: ASYNC210  # expect: PY009
    httpx.delete(url)  # peer: ASYNC210  # expect: PY009
    httpx2.get(url)  # peer: ASYNC210  # expect: PY009
    httpx2.post(url)  # peer: ASYNC210  # expect: PY009
    httpx2.request("GET", url)  # peer: ASYNC210  # expect: PY009
    urllib3.request("GET", url)  # peer: ASYNC210  # expect: PY009
    urllib.request.urlopen(url)  # peer: ASYNC210  # expect: PY009
    request.urlopen(url)  # peer: ASYNC210  # expect: PY009
    urlopen(url)  # peer: ASYNC210  # expect: PY009
    # OK: not a request
    requests.foo()
    httpx.foo()
    httpx2.foo()
    headers = {}
    headers.get("not a sync http client")


async def pool_requests(url):
    pool = PoolManager()
    pool.request("GET", url)  # peer: ASYNC211  # expect: PY009
    pool.request("POST", url)  # peer: ASYNC211  # expect: PY009
    pool.request("put", url)  # peer: ASYNC211  # expect: PY009
    pool.request("TRACE", url)  # peer: ASYNC211  # expect: PY009
    # OK for the peer; a PoolManager built here is typed, and its every method blocks
    pool.request()  # ours: the receiver is a urllib3 PoolManager built two lines up  # expect: PY009


async def verb_requests(session, url):
    # OK: no verb, not a verb, or the verb is not the first argument
    session.request()
    session.request(url, "PUT")
    session.request("sPUTnik")
    session.request(None)
    session.request("REQUEST")
    session.request("GET", url)  # peer: ASYNC211  # expect: PY009


async def client_methods(url):
    client = httpx.Client()  # ours: building a sync client in async code (ssl context, certificates read from disk)  # expect: PY009
    client.close()  # peer: ASYNC212  # expect: PY009
    client.delete(url)  # peer: ASYNC212  # expect: PY009
    client.get(url)  # peer: ASYNC212  # expect: PY009
    client.head(url)  # peer: ASYNC212  # expect: PY009
    client.options(url)  # peer: ASYNC212  # expect: PY009
    client.patch(url)  # peer: ASYNC212  # expect: PY009
    client.post(url)  # peer: ASYNC212  # expect: PY009
    client.put(url)  # peer: ASYNC212  # expect: PY009
    client.request("GET", url)  # peer: ASYNC212  # expect: PY009
    client.send(url)  # peer: ASYNC212  # expect: PY009
    client.stream("GET", url)  # peer: ASYNC212  # expect: PY009
    # OK: no I/O
    client.build_request("GET", url)
    client.is_closed


async def annotated_parameter(client: httpx.Client, request):
    client.send(request)  # peer: ASYNC212  # expect: PY009


async def optional_left(client: None | httpx.Client, request):
    client.send(request)  # peer: ASYNC212  # expect: PY009


async def optional_right(client: httpx.Client | None, request):
    client.send(request)  # peer: ASYNC212  # expect: PY009


async def optional_typing(client: Optional[httpx.Client], request):
    client.send(request)  # peer: ASYNC212  # expect: PY009


async def annotated_local(make_client, request):
    client: httpx.Client = make_client()
    client.send(request)  # peer: ASYNC212  # expect: PY009


async def httpx2_client(url):
    client = httpx2.Client()  # ours: building a sync client in async code  # expect: PY009
    client.get(url)  # peer: ASYNC212  # expect: PY009


async def httpx2_parameter(client: httpx2.Client, request):
    client.send(request)  # peer: ASYNC212  # expect: PY009


shared_client = httpx.Client()


async def module_client(request):
    shared_client.send(request)  # peer: ASYNC212  # expect: PY009


rebound_client = httpx.Client()
rebound_client: int = 4


async def module_client_rebound(request):
    # OK for both: the module rebinds the name to an int before any call can run
    rebound_client.send(request)


from httpx import Client


async def imported_client(request):
    client: Client = Client()  # ours: `Client` is httpx.Client through the import (the peer leaves it unresolved)  # expect: PY009
    client.send(request)  # ours: the same client, resolved through the import  # expect: PY009


async def urllib3_pools(make):
    c: urllib3.HTTPConnectionPool = make()
    c.urlopen("GET", "/")  # peer: ASYNC212  # expect: PY009
    c: urllib3.HTTPSConnectionPool = make()
    c.urlopen("GET", "/")  # peer: ASYNC212  # expect: PY009
    c: urllib3.PoolManager = make()
    c.urlopen("GET", "/")  # peer: ASYNC212  # expect: PY009
    c: urllib3.ProxyManager = make()
    c.urlopen("GET", "/")  # peer: ASYNC212  # expect: PY009
    c: urllib3.connectionpool.ConnectionPool = make()
    c.close()  # peer: ASYNC212  # expect: PY009
    c: urllib3.poolmanager.PoolManager = make()
    c.clear()  # peer: ASYNC212  # expect: PY009
    c: urllib3.anything = make()
    c.anything()


async def processes(cmd, pid):
    await trio.sleep(
        subprocess.getoutput(cmd)  # peer: ASYNC221  # expect: PY009
    )
    subprocess.Popen(cmd)  # peer: ASYNC220  # expect: PY009
    os.system(cmd)  # peer: ASYNC221  # expect: PY009
    subprocess.run(cmd)  # peer: ASYNC221  # expect: PY009
    subprocess.call(cmd)  # peer: ASYNC221  # expect: PY009
    subprocess.check_call(cmd)  # peer: ASYNC221  # expect: PY009
    subprocess.check_output(cmd)  # peer: ASYNC221  # expect: PY009
    subprocess.getstatusoutput(cmd)  # peer: ASYNC221  # expect: PY009
    os.posix_spawn(cmd, [cmd], {})  # peer: ASYNC221  # expect: PY009
    os.posix_spawnp(cmd, [cmd], {})  # peer: ASYNC221  # expect: PY009
    os.spawnl(os.P_WAIT, cmd)  # peer: ASYNC221  # expect: PY009
    os.spawnle(os.P_WAIT, cmd, {})  # peer: ASYNC221  # expect: PY009
    os.spawnlp(os.P_WAIT, cmd)  # peer: ASYNC221  # expect: PY009
    os.spawnlpe(os.P_WAIT, cmd, {})  # peer: ASYNC221  # expect: PY009
    os.spawnv(os.P_WAIT, cmd, [cmd])  # peer: ASYNC221  # expect: PY009
    os.spawnve(os.P_WAIT, cmd, [cmd], {})  # peer: ASYNC221  # expect: PY009
    os.spawnvp(os.P_WAIT, cmd, [cmd])  # peer: ASYNC221  # expect: PY009
    os.spawnvpe(os.P_WAIT, cmd, [cmd], {})  # peer: ASYNC221  # expect: PY009
    os.spawnl(os.P_NOWAIT, cmd)  # peer: ASYNC220  # expect: PY009
    os.spawnl(mode=os.P_NOWAIT, file=cmd)  # peer: ASYNC220  # expect: PY009
    os.wait()  # peer: ASYNC222  # expect: PY009
    os.wait3(0)  # peer: ASYNC222  # expect: PY009
    os.wait4(pid, 0)  # peer: ASYNC222  # expect: PY009
    os.waitid(os.P_PID, pid, os.WEXITED)  # peer: ASYNC222  # expect: PY009
    os.waitpid(pid, 0)  # peer: ASYNC222  # expect: PY009
    # OK: not a process call
    os.getpid()
    subprocess.list2cmdline([cmd])
    os.system.__name__


async def opening(path, fd):
    open(path)  # peer: ASYNC230  # expect: PY009
    io.open_code(path)  # peer: ASYNC230  # expect: PY009
    os.fdopen(fd)  # peer: ASYNC231  # expect: PY009
    with os.fdopen(fd):  # peer: ASYNC231  # expect: PY009
        pass
    with open(path) as f:  # peer: ASYNC230  # expect: PY009
        pass
    with trio.fail_after(1), open(path):  # peer: ASYNC230  # expect: PY009
        pass
    # OK: awaited (an async open of the same name), or wrapped
    await open(path)
    await trio.wrap_file(open(path))
    await trio.wrap_file(os.fdopen(fd))


async def file_parameter(f: io.TextIOWrapper):
    f.read()  # peer: ASYNC232  # expect: PY009
    f.readlines()  # peer: ASYNC232  # expect: PY009
    f.anything()  # peer: ASYNC232  # not ours: no file method of that name, so nothing says it does I/O


async def file_types(a: io.BufferedReader, b: io.BufferedWriter, c: io.BufferedRandom, d: TextIOWrapper, e: BufferedReader | None):
    a.read()  # peer: ASYNC232  # expect: PY009
    b.write(b"x")  # peer: ASYNC232  # expect: PY009
    c.seek(0)  # peer: ASYNC232  # expect: PY009
    d.readline()  # peer: ASYNC232  # expect: PY009
    if e:
        e.read()  # peer: ASYNC232  # expect: PY009


async def file_keyword_only(*, f: Optional[TextIOWrapper] = None):
    f.read()  # peer: ASYNC232  # expect: PY009


async def opened_files(path):
    with open(path) as f:  # peer: ASYNC230  # expect: PY009
        f.read()  # peer: ASYNC232  # not ours: the `open` in this function is the finding; its fix covers the file's reads and writes
    g = open(path)  # peer: ASYNC230  # expect: PY009
    g.write("x")  # peer: ASYNC232  # not ours: the `open` in this function is the finding; its fix covers the file's reads and writes
    h = g
    h.flush()  # peer: ASYNC232  # not ours: the `open` in this function is the finding; its fix covers the file's reads and writes


async def not_a_file(make, path):
    # OK: nothing says these are files
    with make(path) as f:
        f.read()
    for f in make(path):
        f.read()


def outer(path):
    f = open(path)

    async def inner():
        f.read()  # peer: ASYNC232  # expect: PY009

    return inner


async def retyped(f: TextIOWrapper, number: int):
    f: int = number
    f.read()
    f: TextIOWrapper = open("log")  # peer: ASYNC230  # expect: PY009
    f.read()  # peer: ASYNC232  # not ours: the `open` in this function is the finding; its fix covers the file's reads and writes


class Log:
    def __init__(self, path):
        self.out: TextIOWrapper = open(path, "a")
        self.http = requests.Session()
        self.pending = None

    async def flush(self, url):
        self.out.flush()  # ours: an attribute declared as a file (flake8-async lists attributes as unhandled)  # expect: PY009
        self.http.post(url)  # ours: an attribute built as a requests.Session  # expect: PY009
        self.pending.post(url)


async def path_functions(path, other):
    normpath(path)  # peer: ASYNC240  # not ours: computes a string, no file-system access
    relpath(path)  # peer: ASYNC240  # not ours: computes a string (and reads the working directory)
    isfile(path)  # peer: ASYNC240  # expect: PY009
    os.path.normpath(path)  # peer: ASYNC240  # not ours: computes a string, no file-system access
    os.path._joinrealpath(path, other, False, {})  # peer: ASYNC240  # expect: PY009
    os.path.islink(path)  # peer: ASYNC240  # expect: PY009
    os.path.lexists(path)  # peer: ASYNC240  # expect: PY009
    os.path.ismount(path)  # peer: ASYNC240  # expect: PY009
    os.path.realpath(path)  # peer: ASYNC240  # expect: PY009
    os.path.exists(path)  # peer: ASYNC240  # expect: PY009
    os.path.isdir(path)  # peer: ASYNC240  # expect: PY009
    os.path.isfile(path)  # peer: ASYNC240  # expect: PY009
    os.path.getatime(path)  # peer: ASYNC240  # expect: PY009
    os.path.getctime(path)  # peer: ASYNC240  # expect: PY009
    os.path.getmtime(path)  # peer: ASYNC240  # expect: PY009
    os.path.getsize(path)  # peer: ASYNC240  # expect: PY009
    os.path.samefile(path, other)  # peer: ASYNC240  # expect: PY009
    os.path.sameopenfile(0, 1)  # peer: ASYNC240  # expect: PY009
    os.path.relpath(path)  # peer: ASYNC240  # not ours: computes a string (and reads the working directory)
    await os.path.isfile(path)  # peer: ASYNC240  # expect: PY009
    print(os.path.isfile(path))  # peer: ASYNC240  # expect: PY009
    # OK: string work
    os.path.abspath(path)
    os.path.join(path, other)
    os.path.basename(path)


async def pathlib_methods(name):
    import pathlib

    pathlib.Path(name).exists()  # peer: ASYNC240  # expect: PY009
    p = pathlib.Path(name)
    p.is_file()  # peer: ASYNC240  # expect: PY009
    p.read_text()  # peer: ASYNC240  # expect: PY009
    # OK: pure path methods
    p.with_suffix(".txt")
    p.joinpath("x")
    pathlib.Path(name).relative_to("/")


async def typed_path(p: "pathlib.Path | None"):
    p.stat()  # peer: ASYNC240  # expect: PY009


async def reading_input():
    answer = input()  # peer: ASYNC250  # expect: PY009
    input("hello world")  # peer: ASYNC250  # expect: PY009
    return answer


async def sleeping(seconds):
    time.sleep(5)  # peer: ASYNC251  # expect: PY009
    time.sleep(seconds) if seconds else time.sleep(5)  # peer: ASYNC251  # expect: PY009
    sleep(5)  # peer: ASYNC251  # expect: PY009


# OK: none of it runs on the event loop
def sync_code(path, url):
    open(path)
    time.sleep(1)
    requests.get(url)
    os.path.isfile(path)
    input()
    os.system("ls")
