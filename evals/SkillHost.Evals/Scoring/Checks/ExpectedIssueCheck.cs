namespace SkillHost.Evals.Scoring.Checks;

/// <summary>
/// The case's expected issue is found and ranked first (named by its checklist slug or recognised by its keywords), and
/// no top issue is about what the case says must not be flagged (<c>must_not_flag</c>): raising such an issue first fails
/// the check, raising it lower halves the score.
/// </summary>
public sealed class ExpectedIssueCheck : ReportCheck
{
    public override string Name => "expected-issue";

    public override string Description => "the case's expected issue is the top-ranked issue";

    public override CheckOutcome Check(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = Found(input);
        var flagged = input.Issues
            .Select(i => (i.Rank, Word: input.Case.Assertions.MustNotFlag.FirstOrDefault(w => (i.Issue ?? "").Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.Word is not null)
            .ToList();
        if (flagged.Count == 0)
        {
            return found;
        }

        var why = string.Join("; ", flagged.Select(f => $"issue {f.Rank} raises '{f.Word}', which a careful reviewer leaves alone here"));
        return flagged[0].Rank == 1
            ? CheckOutcome.Fail(why)
            : new CheckOutcome(Math.Min(found.Score, 0.5), $"{found.Reason}; but {why}");
    }

    private static CheckOutcome Found(ScoringInput input)
    {
        var expected = Describe(input);
        var match = Matching(input);
        if (match is { Rank: 1 } top)
        {
            return CheckOutcome.Pass($"issue 1 is the expected one ({Evidence(input, top)})");
        }

        if (match is { } lower)
        {
            return new CheckOutcome(0.5, $"the expected issue ({expected}) is ranked {lower.Rank}, not first");
        }

        return Mentions(input, input.Outline.Markdown) is { } mention
            ? new CheckOutcome(0.25, $"the report mentions '{mention}' but no top issue is about it (expected {expected})")
            : CheckOutcome.Fail($"the expected issue ({expected}) is not in the report");
    }

    /// <summary>The first ranked issue about the case's expected problem, or null.</summary>
    public static TopIssue? Matching(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Issues.FirstOrDefault(i => Mentions(input, i.Markdown) is not null);
    }

    private static string? Mentions(ScoringInput input, string text)
    {
        var a = input.Case.Assertions;
        return a.Slugs.Concat(a.IssueKeywords).FirstOrDefault(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    private static string Evidence(ScoringInput input, TopIssue issue) => $"mentions '{Mentions(input, issue.Markdown)}'";

    private static string Describe(ScoringInput input)
    {
        var a = input.Case.Assertions;
        var words = a.Slugs.Concat(a.IssueKeywords).Take(4).Select(k => $"'{k}'");
        return "one of " + string.Join(", ", words);
    }
}
