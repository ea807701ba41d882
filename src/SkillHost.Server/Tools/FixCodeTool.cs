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
        return StructuredResult.Of(new FixCodeResult(fixedCode, diff.ToString(), fixedFindings, remaining, notFixed, outcome.RuleFailures));
    }
}

/// <param name="FixedCode">The inline code with every fix made (the code as sent when nothing was fixed); null for paths.</param>
/// <param name="Diff">The fixes as one unified diff, paths relative to the first root (empty when nothing was fixed).</param>
/// <param name="Fixed">Each finding the fixes settle, with what changed.</param>
/// <param name="Remaining">Findings with no mechanical fix: they need judgement.</param>
/// <param name="NotFixed">Files whose fixes were left out, each with why (changed since it was read, not UTF-8, outside the first root).</param>
/// <param name="RuleFailures">Rules that threw on a file: their findings for that file are missing.</param>
internal sealed record FixCodeResult(string? FixedCode, string Diff, IReadOnlyList<FixedChange> Fixed, IReadOnlyList<RemainingFinding> Remaining, IReadOnlyList<string> NotFixed, IReadOnlyList<RuleFailure> RuleFailures);

/// <param name="Change">The edits, described (e.g. "line 6: `time.sleep` → `await asyncio.sleep`").</param>
internal sealed record FixedChange(string RuleId, string Slug, string Path, int Line, string Change);

internal sealed record RemainingFinding(string RuleId, string Slug, string Path, int Line, string Message);
