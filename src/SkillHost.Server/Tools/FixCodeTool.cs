using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Reporting;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary>
/// <c>fix_code</c>: the checklist's mechanical fixes made for the client, which writes them itself. Nothing on disk
/// changes: inline code comes back fixed whole, files come back as one unified diff (as <c>review --format diff</c>).
/// </summary>
[McpServerToolType]
internal sealed class FixCodeTool
{
    [McpServerTool(Name = "fix_code", Title = "Mechanical fixes (Python, Rust)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(FixCodeResult))]
    [Description("Makes the performance checklist's mechanical fixes, the rewrites that keep behaviour (time.sleep in async code → await asyncio.sleep, sum([...]) → sum(...), "
        + "f-string log messages → logging's lazy arguments, Vec::new() → Vec::with_capacity(n), a clone only formatted → a borrow), and returns them without writing anything: "
        + "for inline code, 'fixedCode' is the whole code with every fix made; for paths, 'diff' is one unified diff to apply with git apply in the first root. "
        + "'fixed' lists each change; 'remaining' lists the findings that need judgement (call checklist_review for their evidence and fix). "
        + "A result stays within 50,000 characters: when it would not, 'note' says what was cut (apply the diff and call again for the rest). "
        + "Send code inline (code + language or filename) or paths to files/folders inside the client's roots. Static analysis only: the code is never run.")]
    public static async Task<CallToolResult> Fix(
        SkillCatalog catalog,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description("Fix only what these rules find: ids (PY009), id prefixes (PY, RS), slugs (python/sync-io-in-async), groups (python, rust, pyo3) or rule names.")] string[]? select = null,
        [Description("Rules to leave out, same forms as 'select'.")] string[]? ignore = null,
        [Description("Name of the hosted skill whose checklist and cost tables to use; default 'performance-optimization'.")] string? skill = null,
        CancellationToken cancellationToken = default)
    {
        var review = ChecklistReviewTool.CreateReview(catalog, environment, skill, select, ignore);
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        ReviewOutcome outcome;
        IReadOnlyList<FileFix> fixes;
        string? fixedCode = null;
        if (input.Inline is { } inline)
        {
            var tree = CodeInput.Parse(inline.Code, inline.Language, inline.Path, environment);
            outcome = review.Run([tree], []);
            var fix = MechanicalFixes.Plan(outcome.Findings, tree.Source, tree.Source.Path ?? "<input>");
            fixedCode = fix.Source is null ? inline.Code : fix.FixedText();
            fixes = fix.Edits.Count > 0 || fix.Problem is not null ? [fix] : [];
        }
        else
        {
            outcome = await Task.Run(() => review.Run(input.Paths, input.BaseFolder, input.Options), cancellationToken).ConfigureAwait(false);
            if (outcome.Files.Count == 0)
            {
                throw new McpException(ToolInput.NothingReadable(outcome.Skipped));
            }

            fixes = MechanicalFixes.Plan(outcome.Findings, input.BaseFolder, insideWorkingFolderOnly: true);
        }

        using var diff = new StringWriter { NewLine = "\n" };
        DiffReportRenderer.WriteFiles(fixes, diff);
        var done = fixes.Where(f => f.Source is not null).SelectMany(f => f.Edits).ToHashSet();
        var (fixedFindings, remaining) = (new List<FixedChange>(), new List<RemainingFinding>());
        foreach (var finding in outcome.Findings)
        {
            if (finding.Edits.Count > 0 && finding.Edits.All(done.Contains))
            {
                fixedFindings.Add(new FixedChange(finding.Rule.Id, finding.Rule.Slug, finding.Path, finding.Start.Line, string.Join("; ", finding.Edits.Select(e => e.Describe()))));
            }
            else
            {
                remaining.Add(new RemainingFinding(finding.Rule.Id, finding.Rule.Slug, finding.Path, finding.Start.Line, finding.Message));
            }
        }

        var notFixed = fixes.Where(f => f.Problem is not null).Select(f => $"{f.Path}: not fixed, {f.Problem}").ToList();
        var result = new FixCodeResult(fixedCode, diff.ToString(), fixedFindings, remaining, notFixed, outcome.RuleFailures, fixedFindings.Count, remaining.Count, null);
        return StructuredResult.Of(ResultBudget.JsonLength(result) <= ResultBudget.MaxStructuredChars ? result : Fitted(result, fixes, fixedCode is not null));
    }

    // Within 50,000 characters: whole files' diffs while they fit (applying them and calling again returns the rest),
    // then as many fixed and remaining findings as fit; the counts and the note say what was left out.
    private static FixCodeResult Fitted(FixCodeResult result, IReadOnlyList<FileFix> fixes, bool inline)
    {
        var budget = ResultBudget.MaxStructuredChars - 2_000;
        var lists = result with { FixedCode = null, Diff = string.Empty, Fixed = [], Remaining = [], NotFixed = [.. result.NotFixed.Take(20)], RuleFailures = [.. result.RuleFailures.Take(10)] };
        var used = ResultBudget.JsonLength(lists);
        var diff = new StringWriter { NewLine = "\n" };
        var files = 0;
        foreach (var fix in fixes.Where(f => f.Source is not null))
        {
            using var one = new StringWriter { NewLine = "\n" };
            DiffReportRenderer.WriteFiles([fix], one);
            if (used + one.ToString().Length > budget / 2)
            {
                break;
            }

            diff.Write(one.ToString());
            used += one.ToString().Length;
            files++;
        }

        var paths = fixes.Where(f => f.Source is not null).Take(files).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var fixedShown = result.Fixed.Where(f => paths.Contains(f.Path)).TakeWhile(f => (used += ResultBudget.JsonLength(f) + 1) < budget * 3 / 4).ToList();
        var remainingShown = result.Remaining.TakeWhile(r => (used += ResultBudget.JsonLength(r) + 1) < budget).ToList();
        var allFiles = fixes.Count(f => f.Source is not null);
        var note = $"Cut to stay within 50,000 characters: the diff holds {files} of {allFiles} fixed files{(inline ? " (the code is too large to send back whole)" : "")}, "
            + $"'fixed' lists {fixedShown.Count} of {result.FixedCount} fixes and 'remaining' {remainingShown.Count} of {result.RemainingCount} findings. "
            + (files < allFiles ? "Apply this diff and call fix_code again for the rest." : "The diff is complete.")
            + (inline && files == 0 ? " Send a smaller part of the code at a time." : string.Empty);
        return lists with { Diff = diff.ToString(), Fixed = fixedShown, Remaining = remainingShown, Note = note };
    }
}

/// <param name="FixedCode">The inline code with every fix made (the code as sent when nothing was fixed); null for paths.</param>
/// <param name="Diff">The fixes as one unified diff, paths relative to the first root (empty when nothing was fixed).</param>
/// <param name="Fixed">Each finding the fixes settle, with what changed.</param>
/// <param name="Remaining">Findings with no mechanical fix: they need judgement.</param>
/// <param name="NotFixed">Files whose fixes were left out, each with why (changed since it was read, not UTF-8, outside the first root).</param>
/// <param name="RuleFailures">Rules that threw on a file: their findings for that file are missing.</param>
/// <param name="FixedCount">Findings the fixes settle, listed or not.</param>
/// <param name="RemainingCount">Findings that need judgement, listed or not.</param>
/// <param name="Note">Set when the result was cut to stay within 50,000 characters: what was left out and how to get it.</param>
internal sealed record FixCodeResult(string? FixedCode, string Diff, IReadOnlyList<FixedChange> Fixed, IReadOnlyList<RemainingFinding> Remaining, IReadOnlyList<string> NotFixed, IReadOnlyList<RuleFailure> RuleFailures, int FixedCount, int RemainingCount, string? Note);

/// <param name="Change">The edits, described (e.g. "line 6: `time.sleep` → `await asyncio.sleep`").</param>
internal sealed record FixedChange(string RuleId, string Slug, string Path, int Line, string Change);

internal sealed record RemainingFinding(string RuleId, string Slug, string Path, int Line, string Message);
