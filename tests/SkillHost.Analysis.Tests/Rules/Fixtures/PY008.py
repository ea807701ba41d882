import json
import json as j
from json import loads


def handle_batch(messages, sink):
    for raw in messages:
        event = json.loads(raw)  # expect: PY008
        sink.write(event["user"], event["amount"])


def encode_all(events):
    return [j.dumps(e) for e in events]  # expect: PY008


def parse_lines(lines):
    for line in lines:
        yield loads(line)  # expect: PY008


def handle_request(body):
    return json.loads(body)  # expect: PY008


def decode_one(raw):
    return json.loads(raw)  # expect: PY008


def consume(stream):
    for raw in stream:
        decode_one(raw)


# OK
def load_config(path):
    with open(path) as f:
        return json.load(f)


CONFIG = json.loads('{"a": 1}')


def other_loads(pickle, blobs):
    for blob in blobs:
        pickle.loads(blob)


def main():
    return json.load(open("config.json"))


def runner(configs):
    for _ in configs:
        main()


class Responses:
    def untag_resource(self):
        return json.dumps({})


def tag_everything(resources):
    for r in resources:
        r.untag_resource()
