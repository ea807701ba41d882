using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SkillHost.Skills.Parsing;

/// <summary>
/// Finds the Markdown files SKILL.md links to and confines them to the skill folder: a skill is untrusted
/// input, so a link such as <c>../../secrets.md</c> (or a symlink pointing out) is reported, never followed.
/// </summary>
internal static class ReferenceResolver
{
    // A skill with more linked files than this is not a skill; stop rather than read a whole tree.
    private const int MaxReferences = 64;

    public static List<(string RelativePath, string FullPath, int Line)> Resolve(
        MarkdownOutline outline, string skillDirectory, List<Diagnostic> diagnostics)
    {
        var root = Path.GetFullPath(skillDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var found = new List<(string, string, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in Links(outline))
        {
            var target = LocalMarkdownTarget(link.Url);
            if (target is null || found.Count >= MaxReferences)
            {
                continue;
            }

            var line = link.Line + 1;
            var full = Path.GetFullPath(Path.Combine(root, target));
            if (!IsInside(full, root))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.ReferenceOutsideSkill,
                    $"The link '{link.Url}' points outside the skill folder and is not followed; keep referenced files under the skill folder.", line));
                continue;
            }

            if (!File.Exists(full))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.ReferenceMissing,
                    $"The linked file '{target}' does not exist in the skill folder; fix the link or add the file.", line));
                continue;
            }

            var resolved = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (resolved is not null && !IsInside(resolved, root))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, DiagnosticCodes.ReferenceOutsideSkill,
                    $"The linked file '{target}' is a symbolic link to outside the skill folder and is not followed.", line));
                continue;
            }

            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (seen.Add(relative))
            {
                found.Add((relative, full, line));
            }
        }

        return found;
    }

    private static IEnumerable<LinkInline> Links(MarkdownOutline outline) =>
        outline.AllBlocks()
            .OfType<LeafBlock>()
            .Where(b => b.Inline is not null)
            .SelectMany(b => b.Inline!.Descendants<LinkInline>())
            .Where(l => !l.IsImage && !string.IsNullOrEmpty(l.Url));

    /// <summary>The path part of a relative link to a .md file, or null for anything else (web links, anchors, other files).</summary>
    private static string? LocalMarkdownTarget(string? url)
    {
        if (url is null || url.Contains(':', StringComparison.Ordinal) || url.StartsWith('#') || url.StartsWith('/'))
        {
            return null;
        }

        var end = url.IndexOfAny(['#', '?']);
        var path = Uri.UnescapeDataString(end >= 0 ? url[..end] : url);
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? path : null;
    }

    private static bool IsInside(string fullPath, string root) =>
        fullPath.StartsWith(root, StringComparison.Ordinal);
}
