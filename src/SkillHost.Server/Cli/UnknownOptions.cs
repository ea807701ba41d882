using System.CommandLine;
using System.CommandLine.Parsing;
using SkillHost.Analysis.Text;

namespace SkillHost.Server.Cli;

/// <summary>
/// Finds words that look like options but are none of the verb's: System.CommandLine hands them to a verb's PATH
/// argument (<c>review . --profile x</c> would look for a file named "--profile"). Each is refused as an option, with the
/// closest valid one named. Words after <c>--</c> are arguments whatever they look like, as in every POSIX tool.
/// </summary>
internal static class UnknownOptions
{
    /// <summary>
    /// Every usage error of a parsed command line, one message each: words that look like unknown options (see
    /// <see cref="Find"/>) first, then System.CommandLine's own errors less its "unrecognized" ones for those same words.
    /// </summary>
    public static IReadOnlyList<string> UsageErrors(ParseResult result)
    {
        var unknown = Find(result);
        var words = result.UnmatchedTokens.Where(LooksLikeOption).ToList();
        return [.. unknown, .. result.Errors.Select(e => e.Message).Where(m => !words.Exists(w => m.Contains($"'{w}'", StringComparison.Ordinal)))];
    }

    /// <summary>One message per word that looks like an option the verb does not have, with the closest one it does.</summary>
    public static IReadOnlyList<string> Find(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var afterDoubleDash = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var seen = false;
        foreach (var token in result.Tokens)
        {
            seen |= token.Type == TokenType.DoubleDash;
            if (seen)
            {
                afterDoubleDash.Add(token);
            }
        }

        var command = result.CommandResult.Command;
        var words = result.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens)
            .Where(t => !afterDoubleDash.Contains(t))
            .Select(t => t.Value)
            .Concat(result.UnmatchedTokens)
            .Where(LooksLikeOption)
            .Distinct(StringComparer.Ordinal);
        return [.. words.Select(w => Describe(w, command))];
    }

    /// <summary>The option names (and aliases) a verb takes, the inherited ones (--help) included.</summary>
    public static IReadOnlyList<string> Names(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = command.Options.AsEnumerable();
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return [.. options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-')).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The valid option nearest to <paramref name="word"/>: one it begins, else the fewest edits away.</summary>
    public static string? Closest(string word, IEnumerable<string> names)
    {
        var typed = word.Split('=', ':')[0];
        return names
            .Select(n => (Name: n, Distance: typed.Length >= 4 && n.StartsWith(typed, StringComparison.Ordinal) ? 0 : EditDistance.Levenshtein(typed, n)))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name.Length)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name)
            .FirstOrDefault();
    }

    // "-" alone is a path by convention (standard input), "-5" a number.
    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-' && !char.IsDigit(word[1]) && word[1] != '.';

    private static string Describe(string word, Command command)
    {
        var closest = Closest(word, Names(command));
        var verb = command is RootCommand ? "skillhost" : $"skillhost {command.Name}";
        return $"unknown option '{PrintableText.Line(word)}' for '{verb}'"
            + (closest is null ? "." : $"; did you mean '{closest}'?")
            + $" (a path that starts with '-' goes after '--': {verb} -- {PrintableText.Line(word)})";
    }
}
