using System.Text;
using System.Text.RegularExpressions;

namespace SkillHost.Analysis.Reporting;

public sealed partial class ReportNormalizer
{
    private NormalizedReport Finish(string format, Dictionary<int, (string Content, string FoundAs)> found, string unplaced, List<int> order)
    {
        var names = _guide.ReportParts;
        var parts = new List<NormalizedPart>();
        var missing = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (found.TryGetValue(i, out var part))
            {
                parts.Add(new NormalizedPart(names[i], part.Content, part.Content.Length > 0, part.FoundAs));
                if (part.Content.Length == 0)
                {
                    missing.Add($"{names[i]}: the part is there but empty.");
                }
            }
            else
            {
                parts.Add(new NormalizedPart(names[i], string.Empty, false, null));
                missing.Add($"{names[i]}: missing.");
            }
        }

        if (order.Count > 1 && !order.SequenceEqual(order.Order()))
        {
            missing.Add($"The parts are out of order; the skill's order is: {string.Join(", ", names)} (fixed in the normalised report).");
        }

        CheckContent(parts, names, missing);
        return new NormalizedReport(format, parts, missing, unplaced, ToMarkdown(parts, unplaced));
    }

    // Finer gaps, each against what step 5 asks of the part. Parts are found by position: 0 hypothesis … 4 plan.
    private void CheckContent(List<NormalizedPart> parts, IReadOnlyList<string> names, List<string> missing)
    {
        if (parts.Count != 5)
        {
            return;
        }

        if (parts[1] is { Present: true } issues)
        {
            if (!Mentions(issues.Content, "fix", "replace", "use ", "change", "instead"))
            {
                missing.Add($"{names[1]}: no issue names its fix.");
            }

            if (!Mentions(issues.Content, "impact", "faster", "saves", "fewer", "drop", "reduc", "less", "×", "x faster"))
            {
                missing.Add($"{names[1]}: no issue states its expected impact.");
            }

            if (!Figure().IsMatch(issues.Content) && !Mentions(issues.Content, "o(n", "profile", "measured"))
            {
                missing.Add($"{names[1]}: no evidence or estimate (a figure such as \"10,000 × 100 ns = 1 ms\", a complexity or a profile).");
            }
        }

        if (parts[2] is { Present: true } sketch && !sketch.Content.Contains("```", StringComparison.Ordinal) && !sketch.Content.Contains("~~~", StringComparison.Ordinal) && !IndentedCode().IsMatch(sketch.Content) && !sketch.Content.Contains('`', StringComparison.Ordinal))
        {
            missing.Add($"{names[2]}: no code (a diff, code or pseudocode).");
        }

        if (parts[4] is { Present: true } plan)
        {
            var tools = _guide.Tools.Select(t => t.Name).ToList();
            if (tools.Count > 0 && !tools.Any(t => plan.Content.Contains(t, StringComparison.OrdinalIgnoreCase)) && !Mentions(plan.Content, "benchmark", "profil", "timeit", "hyperfine"))
            {
                missing.Add($"{names[4]}: names no profiler or benchmark (the skill lists {string.Join(", ", tools)}).");
            }

            if (!Mentions(plan.Content, "success", "target", "goal", "below", "under", "at least", "halved", "drop", "faster", "%"))
            {
                missing.Add($"{names[4]}: no success criterion (the number that counts as success, e.g. \"p99 below 20 ms\" or \"peak RSS halved\").");
            }
        }

        var all = string.Join('\n', parts.Select(p => p.Content));
        if (Figure().IsMatch(all) && !Mentions(all, "estimat", "measured", "≈", "~", "about", "roughly"))
        {
            missing.Add("Figures are not marked as estimated or measured (the skill: mark every figure that is estimated rather than measured as an estimate).");
        }
    }

    private static bool Mentions(string text, params string[] words) =>
        words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static string ToMarkdown(List<NormalizedPart> parts, string unplaced)
    {
        var w = new StringBuilder();
        foreach (var part in parts)
        {
            if (w.Length > 0)
            {
                w.Append('\n');
            }

            w.Append("## ").Append(part.Name).Append("\n\n");
            w.Append(part.Present ? part.Content : "_Missing._").Append('\n');
        }

        if (unplaced.Length > 0)
        {
            w.Append("\n## Other notes\n\n").Append(unplaced).Append('\n');
        }

        return w.ToString();
    }

    // A duration or a count × cost: "1 ms", "200 ns", "50–100 µs", "10,000 ×".
    [GeneratedRegex(@"\d\s*(?:ns|µs|μs|us|ms|s)\b|\d\s*[×x]\s*\d|\d+\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex Figure();

    [GeneratedRegex(@"^(?: {4}|\t)\S", RegexOptions.Multiline)]
    private static partial Regex IndentedCode();
}
