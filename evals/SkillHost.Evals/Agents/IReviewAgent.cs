using System.Collections.Immutable;
using SkillHost.Evals.Cases;

namespace SkillHost.Evals.Agents;

/// <summary>An agent under test: given a case, it answers with a Markdown report.</summary>
public interface IReviewAgent
{
    /// <summary>Short name used in reports and cassette file names (<c>pipeline</c>, <c>llm</c>).</summary>
    string Name { get; }

    Task<AgentAnswer> AnswerAsync(EvalCase evalCase, CancellationToken cancellationToken);
}

/// <summary>An agent's answer: the report it wrote and the tools it called on the way.</summary>
public sealed record AgentAnswer(string Report, ImmutableArray<string> ToolCalls);

/// <summary>The user message an agent receives for a case: the prompt, then each file in a fenced block.</summary>
public static class CasePrompt
{
    public static string Compose(EvalCase evalCase)
    {
        ArgumentNullException.ThrowIfNull(evalCase);
        var text = new System.Text.StringBuilder(evalCase.Prompt.Trim());
        foreach (var file in evalCase.Files)
        {
            var fence = file.Path.EndsWith(".rs", StringComparison.Ordinal) ? "rust" : "python";
            text.Append("\n\n`").Append(file.Path).Append("`:\n\n```").Append(fence).Append('\n')
                .Append(file.Content.TrimEnd('\n')).Append("\n```");
        }

        return text.ToString();
    }
}
