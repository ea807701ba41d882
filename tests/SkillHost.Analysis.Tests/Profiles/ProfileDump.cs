using System.Globalization;
using System.Text;
using SkillHost.Analysis.Profiles;

namespace SkillHost.Analysis.Tests.Profiles;

/// <summary>A read profile as golden text: the header, functions by total then name, the hottest lines, the call edges, the diagnostics.</summary>
internal static class ProfileDump
{
    public static string Write(ProfileReadResult result)
    {
        var w = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        if (result.Profile is { } p)
        {
            w.Append(c, $"format {p.Format} unit {p.Unit} total {p.Total:G6} stacks {p.Stacks} functions {p.Functions.Count} lines {p.Lines.Count} calls {p.Calls.Count}\n");
            foreach (var f in p.Functions.OrderByDescending(f => f.Total).ThenByDescending(f => f.Self).ThenBy(f => f.Display, StringComparer.Ordinal))
            {
                w.Append(c, $"function {f.Display} self {f.Self:G6} total {f.Total:G6}{(f.Calls is { } n ? $" calls {n}" : string.Empty)}\n");
            }

            foreach (var l in p.Lines.OrderByDescending(l => l.Total).ThenBy(l => l.File, StringComparer.Ordinal).ThenBy(l => l.Line).Take(20))
            {
                w.Append(c, $"line {l.File}:{l.Line} self {l.Self:G6} total {l.Total:G6}\n");
            }

            foreach (var call in p.Calls.OrderBy(x => p.Functions[x.Caller].Display, StringComparer.Ordinal).ThenBy(x => p.Functions[x.Callee].Display, StringComparer.Ordinal))
            {
                w.Append(c, $"call {p.Functions[call.Caller].Name} -> {p.Functions[call.Callee].Name} calls {call.Calls} total {call.Total:G6}\n");
            }
        }
        else
        {
            w.Append("no profile\n");
        }

        foreach (var d in result.Diagnostics)
        {
            w.Append("diagnostic ").Append(d).Append('\n');
        }

        return w.ToString();
    }
}
