"""Ranks documents with the Rust extension."""
from docscore import score


def rank(documents):
    scored = []
    for document in documents:
        scored.append((score(document.text), document.id))
    scored.sort(reverse=True)
    return scored
