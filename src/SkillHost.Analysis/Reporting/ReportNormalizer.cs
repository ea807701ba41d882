using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Reporting;

/// <summary>
/// <c>format_report</c>'s core: reads a report an agent wrote (Markdown with headings or bold labels, or JSON
/// with one key per part), finds the skill's five parts however they were spelled ("Hot-path hypothesis",
/// "**Top issues:**", <c>"topIssues"</c>), and returns them under the skill's names and in its order, with a
/// list of what is missing. Nothing of the input is dropped: content outside the parts is kept as unplaced.
/// </summary>
public sealed partial class ReportNormalizer(WorkflowGuide guide)
{
    /// <summary>Inputs above this size are refused: a report is prose, not a data dump.</summary>
    public const int MaxInputChars = 1_000_000;

    private readonly WorkflowGuide _guide = guide ?? throw new ArgumentNullException(nameof(guide));

    /// <summary>Normalises <paramref name="report"/>; JSON when it parses as a JSON object, Markdown otherwise.</summary>
    /// <exception cref="ArgumentException">The input is empty or larger than <see cref="MaxInputChars"/>.</exception>
    public NormalizedReport Normalize(string report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrWhiteSpace(report))
        {
            throw new ArgumentException("The report is empty. Pass the report text (Markdown with the five parts as headings, or a JSON object with one key per part).", nameof(report));
        }

        if (report.Length > MaxInputChars)
        {
            throw new ArgumentException($"The report is {report.Length:#,0} characters, over the {MaxInputChars:#,0} limit. Pass the report itself, not the code or logs it is about.", nameof(report));
        }

        var names = _guide.ReportParts;
        var trimmed = report.TrimStart();
        if (trimmed.StartsWith('{') && TryReadJson(report, out var fromJson))
        {
            return Finish("json", fromJson.Parts, fromJson.Unplaced, fromJson.Order);
        }

        var fromMarkdown = ReadMarkdown(report, names);
        return Finish("markdown", fromMarkdown.Parts, fromMarkdown.Unplaced, fromMarkdown.Order);
    }

    private sealed record Read(Dictionary<int, (string Content, string FoundAs)> Parts, string Unplaced, List<int> Order);

    private static Read ReadMarkdown(string text, IReadOnlyList<string> names)
    {
        var parts = new Dictionary<int, (StringBuilder Content, string FoundAs)>();
        var order = new List<int>();
        var unplaced = new StringBuilder();
        StringBuilder current = unplaced;
        var fence = string.Empty;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var fenceMatch = FenceLine().Match(line);
            if (fenceMatch.Success)
            {
                var marker = fenceMatch.Groups[1].Value;
                fence = fence.Length == 0 ? marker : (marker.StartsWith(fence, StringComparison.Ordinal) && line.Trim() == marker ? string.Empty : fence);
            }
            else if (fence.Length == 0 && Header(line) is { } header && PartIndex(header.Title, names) is { } index)
            {
                if (!parts.TryGetValue(index, out var part))
                {
                    part = (new StringBuilder(), header.Title);
                    parts[index] = part;
                    order.Add(index);
                }

                current = part.Content;
                if (header.Text.Length > 0)
                {
                    current.AppendLine(header.Text);
                }

                continue;
            }
            else if (fence.Length == 0 && HeadingLine().IsMatch(line) && current != unplaced)
            {
                // An unknown heading of the same or higher level than the parts ends the part: keep it unplaced.
                var level = line.TakeWhile(c => c == '#').Count();
                if (level <= 2)
                {
                    current = unplaced;
                }
            }

            current.AppendLine(line);
        }

        return new Read(parts.ToDictionary(p => p.Key, p => (p.Value.Content.ToString().Trim('\n', '\r', ' '), p.Value.FoundAs)), unplaced.ToString().Trim(), order);
    }

    private bool TryReadJson(string text, out Read read)
    {
        read = new Read([], string.Empty, []);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var root = document.RootElement;
            // Our own shape nests nothing; some agents wrap the parts in "report" or "parts".
            foreach (var wrapper in (ReadOnlySpan<string>)["report", "parts"])
            {
                if (root.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object)
                {
                    root = inner;
                }
            }

            var parts = new Dictionary<int, (string, string)>();
            var order = new List<int>();
            var unplaced = new StringBuilder();
            foreach (var property in root.EnumerateObject())
            {
                var content = JsonToMarkdown(property.Value, 0).Trim();
                if (PartIndex(SplitCamel(property.Name), _guide.ReportParts) is { } index && !parts.ContainsKey(index))
                {
                    parts[index] = (content, property.Name);
                    order.Add(index);
                }
                else if (content.Length > 0)
                {
                    unplaced.AppendLine($"**{property.Name}**: {content}");
                }
            }

            read = new Read(parts, unplaced.ToString().Trim(), order);
            return true;
        }
    }

    private static string JsonToMarkdown(JsonElement value, int depth)
    {
        var indent = new string(' ', depth * 2);
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString() ?? string.Empty;
                // Multi-line strings inside objects are code (a patch's before/after): keep them fenced.
                return depth > 0 && text.Contains('\n', StringComparison.Ordinal) && !text.Contains("```", StringComparison.Ordinal)
                    ? $"\n```\n{text.TrimEnd()}\n```\n"
                    : text;
            case JsonValueKind.Array:
                var items = new StringBuilder();
                var n = 0;
                foreach (var item in value.EnumerateArray())
                {
                    n++;
                    var inner = JsonToMarkdown(item, depth + 1).Trim();
                    items.AppendLine($"{indent}{(item.ValueKind == JsonValueKind.Object ? $"{n}." : "-")} {inner.TrimStart()}");
                }

                return items.ToString();
            case JsonValueKind.Object:
                var fields = new StringBuilder();
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    var inner = JsonToMarkdown(property.Value, depth + 1).Trim();
                    if (inner.Length == 0)
                    {
                        continue;
                    }

                    var label = SplitCamel(property.Name);
                    label = char.ToUpperInvariant(label[0]) + label[1..];
                    fields.AppendLine(first && depth > 0 ? $"{label}: {inner}" : $"{indent}- {label}: {inner}");
                    first = false;
                }

                return fields.ToString();
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return string.Empty;
            default:
                return value.GetRawText();
        }
    }

    private static string SplitCamel(string name) =>
        CamelBoundary().Replace(name, " $1").Replace('_', ' ').Replace('-', ' ').Trim().ToLowerInvariant();

    /// <summary>Which of the skill's parts a heading names, if any: same words, or the clearly closest.</summary>
    internal static int? PartIndex(string title, IReadOnlyList<string> names)
    {
        var words = Words(title);
        if (words.Count == 0 || words.Count > 8)
        {
            return null;
        }

        int? best = null;
        var bestScore = 0.0;
        for (var i = 0; i < names.Count; i++)
        {
            var partWords = Words(names[i]);
            var score = string.Concat(words) == string.Concat(partWords) ? 1.0 : 2.0 * words.Intersect(partWords).Count() / (words.Count + partWords.Count);
            if (score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return bestScore >= 0.5 ? best : null;
    }

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w is not ("and" or "the" or "a" or "of" or "s")).Select(w => w.Length > 3 && w.EndsWith('s') ? w[..^1] : w)];

    // "## Hot path hypothesis", "**Top issues (ranked):** text", "1. **Patch sketch** — text", "Measurement plan:".
    private static (string Title, string Text)? Header(string line)
    {
        var heading = HeadingLine().Match(line);
        if (heading.Success)
        {
            return (Unbold(heading.Groups[1].Value), string.Empty);
        }

        var bold = BoldLabelLine().Match(line);
        if (bold.Success)
        {
            return (bold.Groups[1].Value.Trim().TrimEnd(':', '.').Trim(), bold.Groups[2].Value.Trim().TrimStart(':', '—', '–', '-').Trim());
        }

        var plain = PlainLabelLine().Match(line);
        return plain.Success ? (plain.Groups[1].Value.Trim(), string.Empty) : null;
    }

    private static string Unbold(string text) => text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal).Trim().TrimEnd(':').Trim();

    [GeneratedRegex(@"^\s{0,3}(`{3,}|~{3,})")]
    private static partial Regex FenceLine();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?:\d+[.)]\s*)?(.+?)\s*#*\s*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s{0,3}(?:[-*]\s+|\d+[.)]\s+)?\*\*([^*]+?)\*\*\s*(.*)$")]
    private static partial Regex BoldLabelLine();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z ()\-]{2,60}):\s*$")]
    private static partial Regex PlainLabelLine();

    [GeneratedRegex(@"([A-Z])")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();
}
