from tokenize_native import count_tokens


def corpus_token_counts(documents):
    """Called on batches of ~100,000 documents."""
    counts = []
    for doc in documents:
        counts.append(count_tokens(doc.text))
    return counts
