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
    [McpServerTool(Name = "classify_code", Title = "Classify code (step 1)", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Step 1 of the performance skill: classifies each file and function as test, library, application-hot or application-cold code, with the evidence (imports, names, loops, callers) "
        + "and the skill's advice for that class (e.g. test code is held only to asymptotic standards). Call it before reviewing to know where performance matters.")]
    public static async Task<ClassifyCodeResult> Classify(
        SkillCatalog catalog,
        ServerEnvironment environment,
        RequestContext<CallToolRequestParams> call,
        [Description(ToolDescriptions.Code)] string? code = null,
        [Description(ToolDescriptions.Language)] string? language = null,
        [Description(ToolDescriptions.Filename)] string? filename = null,
        [Description(ToolDescriptions.Paths)] string[]? paths = null,
        [Description(ToolDescriptions.Skill)] string? skill = null,
        CancellationToken cancellationToken = default)
    {
        var workflow = catalog.Require(skill).RequireWorkflow();
        await using var input = await ToolInput.ResolveAsync(new ReviewRequest(code, language, filename, paths), environment, call, cancellationToken).ConfigureAwait(false);
        var (files, skipped) = input.Inline is { } inline
            ? workflow.Classify([inline])
            : await Task.Run(() => workflow.ClassifyPaths(input.Paths, input.BaseFolder, input.Options), cancellationToken).ConfigureAwait(false);
        if (files.Count == 0)
        {
            throw new McpException(ToolInput.NothingReadable(skipped));
        }

        return new ClassifyCodeResult(files, skipped);
    }
}

/// <summary>What <c>classify_code</c> returns: one classification per file (with its functions) and what could not be read.</summary>
internal sealed record ClassifyCodeResult(IReadOnlyList<FileClassification> Files, IReadOnlyList<SkippedFile> Skipped);
