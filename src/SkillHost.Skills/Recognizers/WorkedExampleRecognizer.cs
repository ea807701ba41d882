using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using SkillHost.Skills.Parsing;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;

namespace SkillHost.Skills.Recognizers;

/// <summary>
/// Sections titled "Example X — title" (also "Worked example X: title"). Code before the <c>Fix:</c> part is
/// input; labelled paragraphs or list items (<c>Issue:</c>, <c>Fix:</c>, <c>Expected impact:</c>, <c>Tradeoff:</c>)
/// fill the parts, and unlabelled paragraphs continue the part above them.
/// </summary>
internal static partial class WorkedExampleRecognizer
{
    private enum Part { None, Issue, Fix, Impact, Tradeoff }

    public static ImmutableArray<WorkedExample> Recognize(MarkdownOutline outline) =>
        outline.AllSections()
            .Select(section => (section, match: TitlePattern().Match(section.Title)))
            .Where(x => x.match.Success)
            .Select(x => Read(x.section, x.match, outline.Source))
            .ToImmutableArray();

    private static WorkedExample Read(OutlineSection section, Match title, string? source)
    {
        var inputs = ImmutableArray.CreateBuilder<CodeBlock>();
        var fixCode = ImmutableArray.CreateBuilder<CodeBlock>();
        var parts = new Dictionary<Part, List<string>>();
        var current = Part.None;
        foreach (var block in section.AllBlocks())
        {
            switch (block)
            {
                case MarkdigCodeBlock code:
                    var read = CodeBlockRecognizer.Read(code, section.Title, source);
                    (current is Part.None or Part.Issue ? inputs : fixCode).Add(read);
                    break;
                case ParagraphBlock paragraph:
                    var text = InlineText.Plain(paragraph.Inline);
                    var label = LabelPattern().Match(text);
                    if (label.Success)
                    {
                        current = PartOf(label.Groups["label"].Value);
                        text = text[label.Length..];
                    }

                    if (current != Part.None && text.Length > 0)
                    {
                        (parts.TryGetValue(current, out var list) ? list : parts[current] = []).Add(text);
                    }

                    break;
            }
        }

        return new WorkedExample(
            title.Groups["id"].Value,
            title.Groups["title"].Value.Trim(),
            section.Line,
            inputs.ToImmutable(),
            Join(parts, Part.Issue),
            Join(parts, Part.Fix),
            fixCode.ToImmutable(),
            Join(parts, Part.Impact),
            Join(parts, Part.Tradeoff),
            source);
    }

    private static string? Join(Dictionary<Part, List<string>> parts, Part part) =>
        parts.TryGetValue(part, out var texts) ? string.Join("\n\n", texts) : null;

    private static Part PartOf(string label) => label.ToLowerInvariant() switch
    {
        "issue" or "problem" => Part.Issue,
        "fix" or "solution" => Part.Fix,
        "expected impact" or "impact" => Part.Impact,
        _ => Part.Tradeoff,
    };

    [GeneratedRegex(@"^(?:worked\s+)?example\s+(?<id>[A-Za-z0-9]{1,3})\s*(?:[—–:]|-(?=\s))\s*(?<title>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^(?<label>issue|problem|fix|solution|expected impact|impact|trade-?offs?)\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();
}
