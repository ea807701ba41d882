using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Configuration;

/// <summary>
/// Applies each file's project config to its findings: the rules it selects and ignores (unless --select on the
/// command line replaces them) and its per-file-ignores.
/// </summary>
/// <param name="useSelection">False when the command line's --select replaces the configs' select, extend-select and ignore.</param>
public sealed class ProjectConfigFilter(ProjectConfigResolver configs, string workingDirectory, bool useSelection) : FindingFilter
{
    /// <summary>Findings the configs left out in the last <see cref="Apply"/>.</summary>
    public int LeftOut { get; private set; }

    public override IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var kept = findings.Where(f =>
        {
            var full = Path.GetFullPath(f.Path, workingDirectory);
            return configs.For(full, isDirectory: false) is not { } config || config.Allows(f.Rule, full, useSelection);
        }).ToList();
        LeftOut = findings.Count - kept.Count;
        return kept.Count == findings.Count ? findings : kept;
    }
}
