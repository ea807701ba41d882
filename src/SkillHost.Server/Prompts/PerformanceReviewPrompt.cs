using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;
using SkillHost.Server.Tools;

namespace SkillHost.Server.Prompts;

/// <summary>
/// <c>performance_review</c>: asks the model to review code (inline or a path inside the allowed roots) for a goal
/// (latency, throughput or memory) by walking the default skill's workflow, step by step, as the skill words it,
/// and to report in the skill's own report parts.
/// </summary>
internal sealed class PerformanceReviewPrompt(SkillCatalog catalog, ServerEnvironment environment) : McpServerPrompt
{
    public const string Name = "performance_review";

    /// <summary>Files up to this size are quoted in the prompt; larger ones (and folders) are named for the tools to read.</summary>
    private const long MaxQuotedFileBytes = 256 * 1024;

    private static readonly string[] Goals = ["latency", "throughput", "memory"];

    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = Name,
        Title = "Performance review (Python, Rust, PyO3)",
        Description = "Review Python or Rust code for performance with the performance-optimization skill's workflow: classify, estimate, measure, pick the biggest lever, report.",
        Arguments =
        [
            new PromptArgument { Name = "code", Description = "The code to review, as text (or use 'path').", Required = false },
            new PromptArgument { Name = "path", Description = "A file or folder to review, inside the client's roots (or use 'code').", Required = false },
            new PromptArgument { Name = "language", Description = "'python' or 'rust' (for 'code'; detected when left out).", Required = false },
            new PromptArgument { Name = "goal", Description = "What to optimise: latency (default), throughput or memory.", Required = false },
            new PromptArgument { Name = "profile", Description = "A profile of the code's run inside the client's roots (cProfile pstats, collapsed stacks, speedscope JSON or perf script text), if you have one: findings are then ranked by measured time.", Required = false },
        ],
    };

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = PromptArguments.Get(request, "code");
        var path = PromptArguments.Get(request, "path");
        var language = PromptArguments.Get(request, "language");
        var goal = (PromptArguments.Get(request, "goal") ?? Goals[0]).Trim().ToLowerInvariant();
        var profile = PromptArguments.Get(request, "profile");
        if (!Goals.Contains(goal))
        {
            throw new McpProtocolException($"Unknown goal '{goal}'. Use one of: {string.Join(", ", Goals)}.", McpErrorCode.InvalidParams);
        }

        if ((code is null) == (path is null))
        {
            throw new McpProtocolException("Pass either 'code' (the source text) or 'path' (a file or folder inside the client's roots), not both and not neither.", McpErrorCode.InvalidParams);
        }

        var skill = catalog.Require(null);
        string subject;
        try
        {
            subject = code is not null
                ? Quote(code, language, null, environment)
                : await DescribePathAsync(path!, request.Server, cancellationToken).ConfigureAwait(false);
        }
        catch (McpException e) when (e is not McpProtocolException)
        {
            // The same checks as the tools (size, binary, language, roots); for a prompt they are invalid arguments.
            throw new McpProtocolException(e.Message, McpErrorCode.InvalidParams);
        }

        return PromptArguments.UserMessage($"Performance review for {goal} with the {skill.Name} skill", Compose(skill, goal, subject) + Measurement(profile));
    }

    private static string Compose(HostedSkill skill, string goal, string subject)
    {
        var text = new StringBuilder();
        text.Append("Review the code below for performance. The goal is ").Append(goal)
            .Append(". Use the ").Append(skill.Name).Append(" skill (resource ").Append(skill.SkillUri).Append(") and walk its workflow in order:\n\n");
        var workflow = skill.Document.FindSection(s => s.Title.Equals("Workflow", StringComparison.OrdinalIgnoreCase));
        if (workflow is not null)
        {
            foreach (var step in workflow.Children)
            {
                text.Append("## ").Append(step.Title).Append("\n\n").Append(step.Text).Append("\n\n");
            }
        }
        else
        {
            text.Append("(The skill has no Workflow section: read ").Append(skill.SkillUri).Append(" and follow it.)\n\n");
        }

        text.Append("Tools: classify_code (step 1), estimate_cost (step 2, the skill's cost tables), checklist_review (the checklist as rules, findings priced), ")
            .Append("format_report (step 5: puts your report into the parts below and lists what is missing), review_code (all of it in one call), fix_code (the mechanical fixes as fixed code or a diff; it writes nothing), ")
            .Append("analyze_profile (step 3: a profile's hot functions, mapped to the code and its findings), compare_profiles (measure again after a change); ")
            .Append("get_skill_section reads one section of the skill (cost tables, techniques, worked examples) when a step needs it.\n\n");
        if (!skill.Document.ReportParts.IsDefaultOrEmpty)
        {
            text.Append("Report in the skill's parts, in this order: ").Append(string.Join("; ", skill.Document.ReportParts)).Append(".\n\n");
        }

        return text.Append(subject).ToString();
    }

    // Evidence beats estimates: name the profile given, or ask for one and say how to record it.
    private static string Measurement(string? profile) => profile is not null
        ? $"\nA profile of the code's run is at `{profile}`: pass it as 'profile' to review_code or checklist_review (findings then carry what it measured and rank by it), and read it with analyze_profile. Quote measured figures as measured, estimates as estimates.\n"
        : "\nNo profile was given. If the user has one, or can run the code, ask for it before ranking by estimates alone: "
            + "`python -m cProfile -o out.pstats app.py` (exact call counts), `py-spy record --format speedscope -o out.json -- python app.py` (sampling, low overhead), "
            + "or for Rust and native code `perf record -g ./program` then `perf script > out.perf`. Pass the file as 'profile' to review_code or checklist_review, or read it with analyze_profile; after a change, compare_profiles measures again.\n";

    private static string Quote(string code, string? language, string? filename, ServerEnvironment environment)
    {
        var tree = CodeInput.Parse(code, language, filename, environment);
        var fence = tree.Language.ToString().ToLowerInvariant();
        return $"```{fence}\n{code.TrimEnd()}\n```\n";
    }

    private async Task<string> DescribePathAsync(string path, McpServer server, CancellationToken cancellationToken)
    {
        var roots = await AllowedRoots.ResolveAsync(server, environment.WorkingDirectory, cancellationToken).ConfigureAwait(false);
        var real = roots.Confine(path);
        // A device reports a length of 0 and never ends: only a regular file is quoted.
        if (File.Exists(real) && SkillHost.Skills.Files.RegularFile.Refusal(real) is null && new FileInfo(real).Length <= MaxQuotedFileBytes)
        {
            var code = await File.ReadAllTextAsync(real, cancellationToken).ConfigureAwait(false);
            return $"File `{path}`:\n\n" + Quote(code, null, real, environment with { MaxInlineCodeChars = (int)MaxQuotedFileBytes });
        }

        return $"Review `{path}` (a {(Directory.Exists(real) ? "folder" : "large file")}): call checklist_review with paths [\"{path}\"] first, then read the files it ranks highest.\n";
    }
}
