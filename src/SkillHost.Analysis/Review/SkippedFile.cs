namespace SkillHost.Analysis.Review;

/// <summary>Why a file or folder was left out of a review.</summary>
public enum SkipReason
{
    /// <summary>It could not be read: a dangling link, no permission, an I/O error.</summary>
    Unreadable,

    /// <summary>It holds NUL bytes, so it is not source text.</summary>
    Binary,

    /// <summary>It is larger than the review's size limit.</summary>
    TooLarge,

    /// <summary>Named explicitly, but neither Python nor Rust.</summary>
    UnsupportedLanguage,

    /// <summary>Named explicitly (or passed inline) but empty or only whitespace.</summary>
    Empty,

    /// <summary>A named pipe, socket or device: opening or reading it could block or never end.</summary>
    NotAFile,

    /// <summary>Its analysis (parsing and the rules) took longer than the review's per-file time budget.</summary>
    OverBudget,

    /// <summary>The parser failed on it (a SkillHost bug): the file is left out and the review goes on.</summary>
    ParserFailed,
}

/// <summary>A file (or folder) the review did not analyse, and why; reported, never fatal.</summary>
/// <param name="Path">As shown to the user: relative to the working folder when below it, with forward slashes.</param>
/// <param name="Detail">What went wrong, for a human ("Could not find file…", "12.5 MB, over the 10 MB limit").</param>
public sealed record SkippedFile(string Path, SkipReason Reason, string Detail)
{
    /// <summary>The detail given for an empty input.</summary>
    public const string EmptyDetail = "it is empty (or only whitespace): there is no code to review; pass the file's contents";

    /// <summary>"skipped (binary): holds NUL bytes"</summary>
    public string Describe() => $"{ReasonText(Reason)}: {Detail}";

    /// <summary>The detail given for a file whose analysis passed <paramref name="budget"/> while in <paramref name="phase"/> ("parsing", "the rules").</summary>
    /// <summary>What to say of a file the parser failed on: the failure, and that it is ours to fix.</summary>
    public static string ParserFailedDetail(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"the parser failed on it ({error.GetType().Name}: {error.Message}); this is a SkillHost bug, not a problem with the file: the rest of the review is complete; please report it with the file attached";
    }

    public static string OverBudgetDetail(TimeSpan budget, string phase) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its analysis passed the {budget.TotalSeconds:0.###} s per-file budget during {phase}; nothing of it is reported (raise the budget to review it)");

    public static string ReasonText(SkipReason reason) => reason switch
    {
        SkipReason.Unreadable => "unreadable",
        SkipReason.Binary => "binary",
        SkipReason.TooLarge => "too large",
        SkipReason.UnsupportedLanguage => "not Python or Rust",
        SkipReason.Empty => "empty",
        SkipReason.NotAFile => "not a regular file",
        SkipReason.OverBudget => "over the time budget",
        SkipReason.ParserFailed => "not parsed",
        _ => reason.ToString(),
    };
}
