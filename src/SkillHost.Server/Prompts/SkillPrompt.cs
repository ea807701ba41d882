using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;

namespace SkillHost.Server.Prompts;

/// <summary>One prompt per hosted skill, named after it: the skill's SKILL.md as instructions, with an optional task.</summary>
internal sealed class SkillPrompt(HostedSkill skill) : McpServerPrompt
{
    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = skill.Name,
        Title = $"Use the {skill.Name} skill",
        Description = skill.Document.Description ?? $"The {skill.Name} skill.",
        Arguments = [new PromptArgument { Name = "task", Description = "What to do with the skill (e.g. 'review src/ingest.py for latency').", Required = false }],
    };

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var task = PromptArguments.Get(request, "task");
        var text = new StringBuilder();
        text.Append("Follow the ").Append(skill.Name).Append(" skill below");
        text.Append(task is null ? "." : $" for this task: {task}").Append("\n\n");
        text.Append(skill.EntryFile is { } entry ? Encoding.UTF8.GetString(entry.Bytes.Span) : "");
        return ValueTask.FromResult(PromptArguments.UserMessage($"The {skill.Name} skill", text.ToString()));
    }

    /// <summary>Replaces the collection's content: <c>performance_review</c> plus one prompt per skill; clients get one <c>list_changed</c>.</summary>
    public static void Sync(McpServerPrimitiveCollection<McpServerPrompt> collection, McpServerPrompt performanceReview, IEnumerable<HostedSkill> skills)
    {
        ArgumentNullException.ThrowIfNull(collection);
        using var batch = collection.DeferChangedEvents();
        collection.Clear();
        collection.TryAdd(performanceReview);
        foreach (var skill in skills)
        {
            collection.TryAdd(new SkillPrompt(skill));
        }
    }
}
