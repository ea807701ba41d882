namespace SkillHost.Analysis.Review;

/// <summary>
/// One file's share of a review's time: a token that is cancelled when the review is, or when the file has used its
/// budget (counting what was <c>spent</c> on it before, e.g. its parse). <see cref="IsSpent"/> tells the two apart.
/// </summary>
public sealed class FileBudget : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly CancellationToken _review;

    private FileBudget(CancellationTokenSource? source, CancellationToken review)
    {
        _review = review;
        _source = source;
    }

    /// <summary>Starts the clock; with no <paramref name="budget"/> the token is the review's own and nothing is allocated.</summary>
    public static FileBudget Start(TimeSpan? budget, TimeSpan spent, CancellationToken review)
    {
        if (budget is not { } limit || limit <= TimeSpan.Zero)
        {
            return new FileBudget(null, review);
        }

        var source = CancellationTokenSource.CreateLinkedTokenSource(review);
        var left = limit - spent;
        if (left <= TimeSpan.Zero)
        {
            source.Cancel();
        }
        else
        {
            source.CancelAfter(left);
        }

        return new FileBudget(source, review);
    }

    /// <summary>Checked by the parsers and the rules at coarse intervals.</summary>
    public CancellationToken Token => _source?.Token ?? _review;

    /// <summary>The file used its budget (and the review was not cancelled).</summary>
    public bool IsSpent => _source is { IsCancellationRequested: true } && !_review.IsCancellationRequested;

    public void Dispose() => _source?.Dispose();
}
