using System.Text.RegularExpressions;

namespace SkillHost.Evals.Tests.Support;

/// <summary>Turns a good report into a negative control with exactly one defect. Part names come from the skill.</summary>
internal static class ReportEdits
{
    /// <summary>Removes the part whose heading is <paramref name="partName"/> (up to the next heading of the same level).</summary>
    public static string WithoutPart(string report, string partName)
    {
        var pattern = $@"^(#+) {Regex.Escape(partName)}\s*\n.*?(?=^\1 |\z)";
        var edited = Regex.Replace(report, pattern, "", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.NotEqual(report, edited);
        return edited;
    }

    /// <summary>Replaces the body of a part (keeping its heading) with <paramref name="body"/>.</summary>
    public static string WithPartBody(string report, string partName, string body)
    {
        var pattern = $@"(^(#+) {Regex.Escape(partName)}\s*\n).*?(?=^\2 |\z)";
        var edited = Regex.Replace(report, pattern, m => m.Groups[1].Value + "\n" + body.Trim() + "\n\n", RegexOptions.Multiline | RegexOptions.Singleline);
        Assert.NotEqual(report, edited);
        return edited;
    }

    /// <summary>Swaps two text spans that each occur once.</summary>
    public static string Swap(string report, string first, string second)
    {
        Assert.Single(Regex.Matches(report, Regex.Escape(first)));
        Assert.Single(Regex.Matches(report, Regex.Escape(second)));
        const string hole = "\u0000";
        return report.Replace(first, hole, StringComparison.Ordinal).Replace(second, first, StringComparison.Ordinal).Replace(hole, second, StringComparison.Ordinal);
    }
}
