using System.Collections.Immutable;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Skills;

namespace SkillHost.Server.Hosting;

/// <summary>A skill the server hosts: its parsed SKILL.md and every file of its folder, read once and served from memory.</summary>
/// <param name="Name">The frontmatter name (the folder name when the frontmatter has none): the authority of its <c>skill://</c> URIs.</param>
/// <param name="Folder">The skill's root folder, links resolved; nothing outside it is ever served.</param>
/// <param name="Files">Every file below the folder, in ordinal order of relative path, SKILL.md included.</param>
internal sealed record HostedSkill(string Name, string Folder, SkillDocument Document, ImmutableArray<SkillFile> Files)
{
    public const string Scheme = "skill";

    private readonly Lazy<PerformanceWorkflow> _workflow = new(() => new PerformanceWorkflow(Document));

    /// <summary>The skill's rules view of the document, built once.</summary>
    public SkillKnowledge Knowledge { get; } = new(Document);

    /// <summary>
    /// The workflow (classify, estimate, five-part report) over this skill, or an <see cref="ModelContextProtocol.McpException"/>
    /// when the skill cannot drive it. With the full rule catalogue (what the server runs) it is built once; another
    /// rule set (a test's) gets a workflow of its own.
    /// </summary>
    public PerformanceWorkflow RequireWorkflow(IReadOnlyList<Rule>? rules = null)
    {
        try
        {
            return rules is null || ReferenceEquals(rules, RuleCatalog.All) ? _workflow.Value : new PerformanceWorkflow(Document, rules);
        }
        catch (ArgumentException e)
        {
            throw new ModelContextProtocol.McpException($"The skill '{Name}' cannot drive this tool: {e.Message} Use the skill '{Hosting.SkillCatalog.DefaultSkillName}' (leave 'skill' out).", e);
        }
    }

    /// <summary><c>skill://name/</c>: every URI of this skill starts with it.</summary>
    public string UriPrefix => $"{Scheme}://{Name}/";

    public string SkillUri => UriPrefix + SkillParser.SkillFileName;

    public SkillFile? EntryFile => Files.FirstOrDefault(f => f.RelativePath == SkillParser.SkillFileName);

    public SkillFile? FindFile(string relativePath) => Files.FirstOrDefault(f => f.RelativePath == relativePath);
}

/// <summary>One file of a skill folder with the bytes served for it and their SEP-2640 digest (<c>sha256:</c> + 64 lowercase hex).</summary>
/// <param name="RelativePath">Relative to the skill folder, forward slashes.</param>
internal sealed record SkillFile(string RelativePath, ReadOnlyMemory<byte> Bytes, string Digest)
{
    public long Size => Bytes.Length;

    public static SkillFile Create(string relativePath, byte[] bytes) =>
        new(relativePath, bytes, "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
}
