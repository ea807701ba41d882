import json


def load(blobs):
    records = []
    for blob in blobs:
        for _ in range(20):
            records.append(json.loads(blob))
    return records


def dedupe(ids):
    seen = []
    for i in ids:
        if i not in seen:
            seen.append(i)
    return seen


def main():
    blobs = [json.dumps({"id": n, "name": "x" * 1000}) for n in range(20)]
    records = load(blobs)
    ids = [n % 6000 for n in range(12000)] + [r["id"] for r in records]
    print(len(dedupe(ids)))


if __name__ == "__main__":
    main()
