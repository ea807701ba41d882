using System.Text;
using System.Text.RegularExpressions;

namespace SkillHost.Analysis.Review;

/// <summary>
/// One line of a .gitignore file, with git's semantics: <c>!</c> re-includes, a trailing <c>/</c>
/// matches directories only, a slash at the start or in the middle anchors the pattern to the
/// .gitignore's folder (otherwise it matches a name at any depth), <c>*</c> and <c>?</c> stop at
/// <c>/</c>, <c>**</c> spans folders, <c>[a-z]</c> / <c>[!a-z]</c> are classes, <c>\</c> escapes.
/// </summary>
public sealed class GitIgnorePattern
{
    // Most lines are a plain name or path ("/versions", ".idea") or "*" and a suffix ("*.pyc"): those are
    // compared as strings, not run through the (in Native AOT, interpreted) regex for every file of a walk.
    // The regex is built only for the other lines.
    private readonly string? _literal;
    private readonly string? _suffix;
    private readonly Regex? _regex;

    private GitIgnorePattern(string text, string body, bool negated, bool directoryOnly, bool anchored)
    {
        Text = text;
        if (body.AsSpan().IndexOfAny("*?[\\") < 0)
        {
            _literal = body;
        }
        else if (body[0] == '*' && body.AsSpan(1).IndexOfAny("*?[\\/") < 0)
        {
            _suffix = body[1..];
        }
        else
        {
            _regex = new Regex("^" + Translate(body) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        IsNegated = negated;
        IsDirectoryOnly = directoryOnly;
        IsAnchored = anchored;
    }

    /// <summary>The line as written (trailing blanks removed).</summary>
    public string Text { get; }

    /// <summary>A <c>!pattern</c>: a match re-includes what an earlier pattern excluded.</summary>
    public bool IsNegated { get; }

    /// <summary>A <c>pattern/</c>: only folders match.</summary>
    public bool IsDirectoryOnly { get; }

    /// <summary>Matched against the whole path below the .gitignore's folder, not against the last name only.</summary>
    public bool IsAnchored { get; }

    /// <summary>Reads one line; null for blank lines and comments.</summary>
    public static GitIgnorePattern? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = TrimTrailingBlanks(line.TrimEnd('\r'));
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var body = text;
        var negated = body[0] == '!';
        if (negated)
        {
            body = body[1..];
        }

        var directoryOnly = body.EndsWith('/') && !body.EndsWith("\\/", StringComparison.Ordinal);
        body = body.TrimEnd('/');
        if (body.Length == 0)
        {
            return null;
        }

        // "If there is a separator at the beginning or middle of the pattern, then the pattern is relative to the .gitignore's level."
        var anchored = body.Contains('/', StringComparison.Ordinal);
        body = body.TrimStart('/');
        return new GitIgnorePattern(text, body, negated, directoryOnly, anchored);
    }

    /// <summary>Whether the pattern matches <paramref name="relativePath"/> (forward slashes, relative to the .gitignore's folder).</summary>
    public bool Matches(string relativePath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (IsDirectoryOnly && !isDirectory)
        {
            return false;
        }

        var subject = IsAnchored ? relativePath.AsSpan() : relativePath.AsSpan(relativePath.LastIndexOf('/') + 1);
        return _literal is not null ? subject.SequenceEqual(_literal)
            : _suffix is not null ? subject.EndsWith(_suffix, StringComparison.Ordinal)
            : _regex!.IsMatch(subject);
    }

    public override string ToString() => Text;

    // Trailing spaces are ignored unless escaped with a backslash.
    private static string TrimTrailingBlanks(string line)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t' && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }

    private static string Translate(string glob)
    {
        var regex = new StringBuilder();
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*' && IsWholeSegment(glob, i))
            {
                var leading = i == 0;
                var trailing = i + 2 == glob.Length;
                if (trailing)
                {
                    // "foo/**" matches everything inside foo; a lone "**" matches everything.
                    regex.Append(leading ? ".*" : ".+");
                    i += 2;
                }
                else
                {
                    // "**/" (leading or in the middle) matches zero or more folders.
                    regex.Append("(?:.*/)?");
                    i += 3;
                }

                continue;
            }

            switch (c)
            {
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' when TryClass(glob, i, out var cls, out var next):
                    regex.Append(cls);
                    i = next;
                    continue;
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[i + 1].ToString()));
                    i += 2;
                    continue;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }

            i++;
        }

        return regex.ToString();
    }

    // "**" is special only as a whole path segment: at the start or after "/", and at the end or before "/".
    private static bool IsWholeSegment(string glob, int at) =>
        (at == 0 || glob[at - 1] == '/') && (at + 2 == glob.Length || glob[at + 2] == '/');

    // A bracket expression "[...]" (with "!" or "^" negating); an unclosed "[" is a literal.
    private static bool TryClass(string glob, int start, out string cls, out int next)
    {
        var builder = new StringBuilder("[");
        var i = start + 1;
        if (i < glob.Length && glob[i] is '!' or '^')
        {
            builder.Append('^');
            i++;
        }

        var first = true;
        while (i < glob.Length && (glob[i] != ']' || first))
        {
            var c = glob[i];
            if (c == '\\' && i + 1 < glob.Length)
            {
                c = glob[++i];
            }

            builder.Append(c is '\\' or '[' or ']' or '^' ? "\\" + c : c.ToString());
            first = false;
            i++;
        }

        if (i >= glob.Length)
        {
            cls = string.Empty;
            next = start;
            return false;
        }

        builder.Append(']');
        cls = builder.ToString();
        next = i + 1;
        return true;
    }
}
