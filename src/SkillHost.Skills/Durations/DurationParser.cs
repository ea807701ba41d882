using System.Globalization;
using System.Text.RegularExpressions;

namespace SkillHost.Skills.Durations;

/// <summary>
/// Reads durations as people write them in cost tables and estimates: <c>0.5 ns</c>, <c>20-50 ns</c>, <c>5–15 µs</c>,
/// <c>~1 µs</c>, <c>1,000,000 ns (1 ms)</c>, <c>200ns</c>, <c>1.5 ms</c>, <c>500 ns to 2 µs</c>.
/// </summary>
/// <remarks>
/// A figure needs a unit (ns, us/µs/μs, ms, s or the words), so plain numbers are not durations; that keeps
/// tables of counts or sizes from being taken for cost tables. Remarks are allowed in parentheses, after
/// "per"/"each"/"/" and after a comma or semicolon; other trailing words make the text not a duration.
/// </remarks>
public static partial class DurationParser
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out DurationRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var match = DurationPattern().Match(Simplify(text));
        if (!match.Success)
        {
            return false;
        }

        var approximate = match.Groups["approx"].Success || match.Groups["approx2"].Success;
        if (!TryNumber(match.Groups["min"].Value, out var min))
        {
            return false;
        }

        var maxUnit = UnitScale(match.Groups["unit"].Value);
        var minUnit = match.Groups["minunit"].Success ? UnitScale(match.Groups["minunit"].Value) : maxUnit;
        var max = min;
        if (match.Groups["max"].Success && !TryNumber(match.Groups["max"].Value, out max))
        {
            return false;
        }

        var low = min * minUnit;
        var high = max * maxUnit;
        if (match.Groups["upto"].Success)
        {
            low = 0;
        }

        if (high < low)
        {
            return false;
        }

        range = new DurationRange(low, high, approximate);
        return true;
    }

    // Remarks do not change the figure: "1,000,000 ns (1 ms)", "~50 µs (simple) to ~5 ms", "~5 ms, depending on X".
    private static string Simplify(string text)
    {
        var simplified = Parenthesised().Replace(text, " ");
        var remark = simplified.IndexOfAny([',', ';']);
        if (remark >= 0 && remark + 1 < simplified.Length && char.IsWhiteSpace(simplified[remark + 1]))
        {
            simplified = simplified[..remark];
        }

        return simplified.Trim();
    }

    /// <summary>Parses <paramref name="text"/> or returns null.</summary>
    public static DurationRange? Parse(string? text) => TryParse(text, out var range) ? range : null;

    /// <summary>Reads a count such as <c>10,000</c>, <c>1e6</c> or <c>1_000</c>.</summary>
    public static bool TryNumber(string text, out double value)
    {
        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace("_", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal);
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value) && value >= 0;
    }

    private static double UnitScale(string unit) => unit.ToLowerInvariant() switch
    {
        "ns" or "nsec" or "nanosecond" or "nanoseconds" => 1,
        "us" or "µs" or "μs" or "usec" or "microsecond" or "microseconds" => 1e3,
        "ms" or "msec" or "millisecond" or "milliseconds" => 1e6,
        "s" or "sec" or "secs" or "second" or "seconds" => 1e9,
        "min" or "mins" or "minute" or "minutes" => 60e9,
        _ => double.NaN,
    };

    private const string Number = @"\d[\d,_]*(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+";
    private const string Unit = @"nanoseconds?|nsec|ns|microseconds?|usec|us|µs|μs|milliseconds?|msec|ms|minutes?|mins?|seconds?|secs?|sec|s";

    [GeneratedRegex(
        @"^(?:(?<approx>~|≈|about\s|approx\.?\s|around\s)\s*|(?<upto><|≤|up\s+to\s|under\s)\s*)?"
        + "(?<min>" + Number + @")\s*(?:(?<minunit>" + Unit + @")\b\s*)?"
        + @"(?:(?:-|–|—|to)\s*(?<approx2>~|≈)?\s*(?<max>" + Number + @")\s*)?"
        + "(?<unit>" + Unit + @")\b"
        + @"\s*(?:(?:per|each)\b.*|/.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Parenthesised();
}
