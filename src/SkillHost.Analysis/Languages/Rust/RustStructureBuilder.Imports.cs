using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Languages.Rust;

/// <summary><c>use</c> trees (nested groups, globs, aliases, <c>self</c>) and <c>extern crate</c>.</summary>
internal sealed partial class RustStructureBuilder
{
    private int ParseUse(int start, int keyword, int end, SyntaxNode parent)
    {
        var semicolon = FindTopLevel(keyword + 1, end, RustTokenKind.Semicolon);
        var names = new List<ImportedName>();
        var module = ParseUseTree(keyword + 1, semicolon, "", names, depth: 0);
        Attach(parent, new ImportNode(SpanOf(start, Math.Min(semicolon, end - 1))) { Module = module, Names = names });
        return semicolon + 1;
    }

    /// <summary>Adds the names of the use tree in [start, end) under <paramref name="prefix"/>; returns the tree's common module path.</summary>
    private string? ParseUseTree(int start, int end, string prefix, List<ImportedName> names, int depth)
    {
        var p = start;
        var path = prefix;
        var lastSegment = "";
        while (p < end)
        {
            var kind = _tokens[p].Kind;
            if (kind == RustTokenKind.ColonColon)
            {
                path += "::";
                p++;
            }
            else if (IsPathSegment(kind) || kind == RustTokenKind.Underscore)
            {
                lastSegment = TokenText(p).ToString();
                path += lastSegment;
                p++;
            }
            else
            {
                break;
            }
        }

        var module = path.EndsWith("::", StringComparison.Ordinal) ? path[..^2] : path;
        switch (K(p))
        {
            case RustTokenKind.OpenBrace when p < end:
                if (depth < 32)
                {
                    var close = Close(p);
                    for (var item = p + 1; item < close;)
                    {
                        var comma = FindTopLevel(item, close, RustTokenKind.Comma);
                        if (comma > item)
                        {
                            ParseUseTree(item, comma, path, names, depth + 1);
                        }

                        item = comma + 1;
                    }
                }

                return module.Length == 0 ? null : module;
            case RustTokenKind.Star when p < end:
                names.Add(new ImportedName(path + "*", null, "*"));
                return module.Length == 0 ? null : module;
            default:
                break;
        }

        if (lastSegment.Length == 0)
        {
            return null;
        }

        string? alias = null;
        if (K(p) == RustTokenKind.As && p + 1 < end)
        {
            alias = TokenText(p + 1).ToString();
        }

        // `a::b::{self}` imports `a::b` itself.
        var name = lastSegment == "self" && path.EndsWith("::self", StringComparison.Ordinal) ? path[..^6] : path;
        var bound = alias ?? name[(name.LastIndexOf(':') + 1)..];
        names.Add(new ImportedName(name, alias, bound));
        var cut = path.LastIndexOf("::", StringComparison.Ordinal);
        return cut < 0 ? null : path[..cut];
    }

    private int ParseExternCrate(int start, int keyword, int end, SyntaxNode parent)
    {
        var semicolon = FindTopLevel(keyword + 2, end, RustTokenKind.Semicolon);
        var name = keyword + 2;
        if (name < semicolon)
        {
            var crate = TokenText(name).ToString();
            var alias = K(name + 1) == RustTokenKind.As && name + 2 < semicolon ? TokenText(name + 2).ToString() : null;
            Attach(parent, new ImportNode(SpanOf(start, Math.Min(semicolon, end - 1)))
            {
                Names = [new ImportedName(crate, alias, alias ?? crate)],
            });
        }

        return semicolon + 1;
    }
}
