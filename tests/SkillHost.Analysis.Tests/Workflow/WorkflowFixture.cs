using SkillHost.Analysis.Review;
using SkillHost.Analysis.Tests.Rules;
using SkillHost.Skills;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>The bundled skill's workflow, built once for the workflow tests.</summary>
internal static class WorkflowFixture
{
    private static readonly Lazy<PerformanceWorkflow> WorkflowValue = new(() => new PerformanceWorkflow(Skill));

    public static SkillDocument Skill => RuleFixture.Skill.Skill;

    public static PerformanceWorkflow Workflow => WorkflowValue.Value;

    /// <summary>The worked example with this id, read from the parsed skill.</summary>
    public static WorkedExample Example(string id) => Skill.Examples.Single(e => e.Id == id);

    /// <summary>The example's input code as inline inputs named after the example, with the extension of the block's language.</summary>
    public static IReadOnlyList<SourceInput> ExampleInputs(WorkedExample example) =>
        [.. example.Inputs.Select((b, i) => new SourceInput(b.Code, $"example_{example.Id.ToLowerInvariant()}{(i == 0 ? "" : $"_{i + 1}")}.{(b.Language == "rust" ? "rs" : "py")}"))];

    public static string GoldenPath(string name) => GoldenFile.SourceFolder(Path.Combine("Workflow", "Golden", name));
}
