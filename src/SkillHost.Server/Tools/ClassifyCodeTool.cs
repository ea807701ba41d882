using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Review;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Tools;

/// <summary><c>classify_code</c>: step 1 of the skill's workflow, what kind of code this is and so how much performance matters.</summary>
[McpServerToolType]
internal sealed class ClassifyCodeTool
{
    [McpServerTool(Name = "classify_code", Title = "Classify code (step 1)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true, OutputSchemaType = typeof(ClassifyCodeResult))]
    [Description("Step 1 of the performance skill: classifies each file and function as test, library, application-hot or application-cold code, with the evidence (imports, names, loops, callers) "
        + "and the skill's advice for that class (e.g. test code is held only to asymptotic standards). Call it before reviewing to know where performance matters. "
        + "Files come most important first (hot, then library, cold, test) and are paged: at most 'limit' files (default 50) and never more than 50,000 characters per result; while 'nextCursor' is set, call again with it as 'cursor'.")]
    public static async Task<CallToolResult> Classify(
        SkillCatalog catalog,
        ServerEnvironment environment,
        ReviewStore store,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description(ToolDescriptions.Skill)] string? skill = null,
        [Description(ResultBudget.LimitDescription)] int? limit = null,
        [Description(ResultBudget.CursorDescription)] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        const string Tool = "classify_code";
        var pageSize = ResultBudget.Limit(limit);
        var key = ReviewStore.RequestKey(code, language, filename, paths, skill);
        if (cursor is not null)
        {
            var (stored, at) = store.Resolve(cursor, Tool, code is not null || paths is { Length: > 0 } ? key : null);
            return Page(stored, at.First, pageSize);
        }

        var workflow = catalog.Require(skill).RequireWorkflow();
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        var (files, skipped) = input.Inline is { } inline
            ? workflow.Classify([inline])
            : await Task.Run(() => workflow.ClassifyPaths(input.Paths, input.BaseFolder, input.Options), cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
        {
            throw new McpException(ToolInput.NothingReadable(skipped));
        }

        // The skill's advice per class once, not once per file and function (most of a large result otherwise).
        var advice = files.SelectMany(f => f.Functions.Select(fn => fn.Classification).Prepend(f.File))
            .Where(c => c.Advice.Length > 0)
            .DistinctBy(c => c.Class)
            .ToDictionary(c => c.ClassName, c => c.Advice, StringComparer.Ordinal);
        var kept = store.Add(new StoredReview(ReviewStore.NewId(), Tool, key)
        {
            Classifications = [.. MostImportantFirst(files).Select(WithoutAdvice)],
            Header = new ClassifyCodeResult([], skipped.Count <= 20 ? skipped : [.. skipped.Take(20)], files.Count, skipped.Count, [], null) { Advice = advice },
        });
        return Page(kept, 0, pageSize);
    }

    /// <summary>Hot code first (where effort pays), then library, cold and test code; within a class, the files with most hot functions first.</summary>
    internal static IReadOnlyList<FileClassification> MostImportantFirst(IReadOnlyList<FileClassification> files) =>
    [
        .. files.Select((f, i) => (f, i))
            .OrderBy(x => x.f.File.Class switch { CodeClass.ApplicationHot => 0, CodeClass.Library => 1, CodeClass.ApplicationCold => 2, _ => 3 })
            .ThenByDescending(x => x.f.HotFunctions.Count())
            .ThenBy(x => x.i)
            .Select(x => x.f),
    ];

    private static FileClassification WithoutAdvice(FileClassification file) => file with
    {
        File = file.File with { Advice = string.Empty },
        Functions = [.. file.Functions.Select(f => f with { Classification = f.Classification with { Advice = string.Empty } })],
    };

    private static CallToolResult Page(StoredReview stored, int from, int limit)
    {
        var header = (ClassifyCodeResult)stored.Header!;
        var empty = header with { Skipped = from == 0 ? header.Skipped : [] };
        var budget = ResultBudget.MaxStructuredChars - ResultBudget.JsonLength(empty) - 400;
        var notes = new List<string>();
        var files = stored.Classifications;
        var page = new List<FileClassification>();
        var used = 0;
        for (var i = from; i < files.Count && page.Count < limit; i++)
        {
            var file = Fitted(files[i], budget, notes);
            var size = ResultBudget.JsonLength(file) + 1;
            if (page.Count > 0 && used + size > budget)
            {
                if (notes.Count > page.Count)
                {
                    notes.RemoveAt(notes.Count - 1);
                }

                break;
            }

            page.Add(file);
            used += size;
        }

        var next = from + page.Count < files.Count ? new PageCursor(stored.Tool, stored.Id, from + page.Count, 0).ToString() : null;
        return StructuredResult.Of(empty with { Files = page, Notes = notes, NextCursor = next });
    }

    // A file of thousands of functions would not fit one page: its functions are cut to what fits, and a note says so.
    private static FileClassification Fitted(FileClassification file, int budget, List<string> notes)
    {
        if (ResultBudget.JsonLength(file) <= budget - 300)
        {
            return file;
        }

        var kept = file.Functions.Count;
        var trimmed = file;
        while (kept > 0 && ResultBudget.JsonLength(trimmed) > budget - 300)
        {
            kept /= 2;
            trimmed = file with { Functions = [.. file.Functions.OrderBy(f => f.Classification.Class == CodeClass.ApplicationHot ? 0 : 1).Take(kept)] };
        }

        notes.Add($"{file.Path}: {kept} of {file.Functions.Count} functions listed (hot ones first) to keep the result within 50,000 characters; `skillhost classify {file.Path} --format json` lists them all.");
        return trimmed;
    }
}

/// <summary>What <c>classify_code</c> returns: a page of file classifications (each with its functions), most important first, and the skill's advice per class.</summary>
/// <param name="Skipped">Inputs that could not be read (first page only, at most 20).</param>
/// <param name="FileCount">Files classified in all.</param>
/// <param name="SkippedCount">Inputs not read in all.</param>
/// <param name="Notes">Files of this page whose function list was cut to fit.</param>
/// <param name="NextCursor">Pass as 'cursor' for the next page; null on the last.</param>
internal sealed record ClassifyCodeResult(IReadOnlyList<FileClassification> Files, IReadOnlyList<SkippedFile> Skipped, int FileCount, int SkippedCount, IReadOnlyList<string> Notes, string? NextCursor)
{
    /// <summary>The skill's advice for each class that occurs ("library": "…"), once: each classification's own 'advice' is left empty.</summary>
    public IReadOnlyDictionary<string, string> Advice { get; init; } = new Dictionary<string, string>();
}
