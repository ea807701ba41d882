using System.Globalization;
using SkillHost.Skills.Durations;

namespace SkillHost.Analysis.Cost;

/// <summary>
/// One line of a back-of-the-envelope estimate as asked for: an operation, how many times it happens,
/// and optionally its own per-item cost (then no cost-table row is needed, as in the skill's templates).
/// </summary>
/// <param name="Operation">The operation, matched against the skill's cost tables ("dict lookup", "Read 1MB from SSD").</param>
/// <param name="Count">How many times it happens per unit of work (a call, a request, a batch).</param>
/// <param name="PerItem">A per-item cost given by the caller; when set, the cost tables are not consulted.</param>
/// <param name="Label">What to call the line in the output; defaults to <paramref name="Operation"/>.</param>
public sealed record OperationCount(string Operation, double Count, DurationRange? PerItem = null, string? Label = null)
{
    /// <summary>Counts above this are refused: 10^12 operations of even 1 ns take over 15 minutes, more than any per-call estimate means.</summary>
    public const double MaxCount = 1e12;

    /// <summary>
    /// Reads <c>"operation=count"</c> or <c>"operation=count@duration"</c> (e.g. <c>"dict lookup=1e6"</c>,
    /// <c>"Python handler=1@50 µs-5 ms"</c>). Counts may be written 10000, 10,000, 10_000 or 1e4.
    /// </summary>
    /// <exception cref="CostEstimateException">The text is not in that form, or the count or duration is not valid.</exception>
    public static OperationCount Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.LastIndexOf('=');
        if (equals <= 0)
        {
            throw new CostEstimateException(
                $"'{text}' is not 'operation=count'. Write the operation, '=', and how many times it runs, e.g. \"python function call=10000\" or \"dict lookup=1e6\".");
        }

        var operation = text[..equals].Trim();
        var rest = text[(equals + 1)..].Trim();
        DurationRange? perItem = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var durationText = rest[(at + 1)..].Trim();
            perItem = DurationParser.Parse(durationText)
                ?? throw new CostEstimateException($"'{durationText}' (after '@' in '{text}') is not a duration. Write a figure with a unit: \"200 ns\", \"50-100 µs\", \"~1 ms\".");
            rest = rest[..at].Trim();
        }

        return new OperationCount(operation, ParseCount(rest, operation), perItem);
    }

    /// <summary>Reads a count and checks it is a usable, non-negative, plausible number.</summary>
    /// <exception cref="CostEstimateException">Not a number, negative, infinite or above <see cref="MaxCount"/>.</exception>
    public static double ParseCount(string text, string operation)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (DurationParser.TryNumber(text, out var count))
        {
            CheckCount(count, operation);
            return count;
        }

        var cleaned = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        if (double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out var negative) && negative < 0)
        {
            CheckCount(negative, operation);
        }

        throw new CostEstimateException(
            $"'{text}' is not a count for '{operation}'. Write a whole number of operations: 10000, 10,000, 10_000 or 1e4.");
    }

    /// <summary>Refuses negative, non-finite and absurd counts with a message saying what to pass instead.</summary>
    /// <exception cref="CostEstimateException">The count is not usable.</exception>
    public static void CheckCount(double count, string operation)
    {
        if (double.IsNaN(count) || double.IsInfinity(count))
        {
            throw new CostEstimateException($"The count for '{operation}' must be a finite number of operations, not {count.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (count < 0)
        {
            throw new CostEstimateException(
                $"The count for '{operation}' is negative ({CostText.Count(count)}). Counts say how many times an operation runs: pass zero or more.");
        }

        if (count > MaxCount)
        {
            throw new CostEstimateException(
                $"The count for '{operation}' ({count.ToString("0.###e+0", CultureInfo.InvariantCulture)}) is beyond any plausible per-call estimate "
                + $"(the limit is {MaxCount.ToString("0e+0", CultureInfo.InvariantCulture)}). Count the operations of one call, request or batch, and multiply by the number of batches separately.");
        }
    }
}
