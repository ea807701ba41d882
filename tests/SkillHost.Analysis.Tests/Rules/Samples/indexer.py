"""Search indexer: drives the textstats, imgops and eventbus extensions (samples for the PyO3 rules)."""
import logging

import imgops
from textstats import char_ngrams, jaccard, normalize_query, simhash, strip_stopwords, tokenize, word_counts
from eventbus import topic_matches, total_bytes

log = logging.getLogger(__name__)


def index_documents(docs, stopwords):
    cleaned = strip_stopwords(docs, stopwords)
    postings = {}
    for doc_id, text in enumerate(cleaned):
        for token in tokenize(text):
            postings.setdefault(token, []).append(doc_id)
    return postings


def near_duplicates(docs, threshold=3):
    hashes = [simhash(d) for d in docs]
    pairs = []
    for i, a in enumerate(hashes):
        for j in range(i + 1, len(hashes)):
            if bin(a ^ hashes[j]).count("1") <= threshold:
                pairs.append((i, j))
    return pairs


def similar(query_tokens, corpus_tokens):
    return sorted(range(len(corpus_tokens)), key=lambda i: jaccard(query_tokens, corpus_tokens[i]), reverse=True)


def search(query, index):
    q = normalize_query(query)
    return index.get(q, [])


def thumbnails(frames, width, height):
    out = []
    for frame in frames:
        if not imgops.is_png(frame[:8]):
            continue
        out.append(imgops.downscale(frame, width, height, 4))
    return out


def brightness_report(frames):
    return {name: imgops.mean_brightness(data) for name, data in frames.items()}


def route(events, patterns):
    routed = []
    for event in events:
        if any(topic_matches(p, event.topic) for p in patterns):
            routed.append(event)
    return routed


def stats(batches):
    return total_bytes([b.payload for b in batches])


def ngram_features(texts):
    features = []
    for text in texts:
        features.extend(char_ngrams(text, 3))
    return features


def counts_for(texts):
    merged = {}
    for t in texts:
        for word, n in word_counts(t).items():
            merged[word] = merged.get(word, 0) + n
    return merged


class Preview:
    __slots__ = ("palette",)

    def __init__(self, palette):
        self.palette = palette

    def quantize_all(self, images):
        return [self.palette.quantize(img) for img in images]
