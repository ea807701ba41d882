from pkg.util import normalise, slow


def handle(items):
    for item in items:
        slow(item)
        normalise(item)
    slow(None)


async def main(rows):
    for row in rows:
        for cell in row:
            await slow(cell)
