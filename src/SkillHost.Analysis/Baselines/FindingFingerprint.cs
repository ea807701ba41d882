using System.Security.Cryptography;
using System.Text;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Baselines;

/// <summary>
/// What identifies a finding across edits that only move it: the rule, the file (relative to the baseline's folder),
/// the flagged text with its whitespace collapsed, and the enclosing function's name. No line number, so lines
/// inserted above a finding do not make it new.
/// </summary>
public sealed record FindingFingerprint(string Rule, string Path, string Function, string Text)
{
    /// <summary>The four parts hashed (SHA-256, hex), the baseline's key.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Rule}\n{Path}\n{Function}\n{Text}")));

    /// <param name="tree">The tree the finding came from (for its enclosing function and text); null leaves both out.</param>
    /// <param name="fullPath">The finding's file on disk.</param>
    /// <param name="baseDirectory">The folder the baseline's paths are relative to.</param>
    public static FindingFingerprint Of(Finding finding, SyntaxTree? tree, string fullPath, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var path = System.IO.Path.GetRelativePath(baseDirectory, fullPath).Replace('\\', '/');
        if (tree is null)
        {
            return new(finding.Rule.Id, path, "", "");
        }

        var functions = new List<string>();
        for (SyntaxNode? node = tree.FindNode(finding.Span.Start); node is not null; node = node.Parent)
        {
            if (node is FunctionNode function)
            {
                functions.Add(function.Name);
            }
        }

        functions.Reverse();
        var text = tree.Source.Text;
        var span = finding.Span;
        var flagged = span.Start >= 0 && span.End <= text.Length ? text.AsSpan(span.Start, Math.Min(span.Length, 400)) : [];
        return new(finding.Rule.Id, path, string.Join('.', functions), Collapse(flagged));
    }

    private static string Collapse(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
