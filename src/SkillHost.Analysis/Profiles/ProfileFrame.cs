using System.Globalization;

namespace SkillHost.Analysis.Profiles;

/// <summary>A stack frame as text profilers write it, split into function, file and line.</summary>
/// <param name="File">Null when the frame names no file.</param>
/// <param name="Line">0 when the frame names no line.</param>
public readonly record struct ProfileFrame(string Name, string? File, int Line)
{
    /// <summary>
    /// Reads "func (file.py:12)" (py-spy, inferno), "func (file.py)", "py::func:/path/app.py" (perf with Python's
    /// <c>-X perf</c>) and a bare "func" (FlameGraph's stackcollapse-*, whose "_[k]" style annotations are dropped).
    /// </summary>
    public static ProfileFrame Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length > 4 && text[^4] == '_' && text[^3] == '[' && text[^1] == ']')
        {
            // stackcollapse-perf --all marks kernel, JIT, inlined and waker frames with "_[k]", "_[j]", "_[i]", "_[w]".
            text = text[..^4];
        }

        if (text.EndsWith(")") && text.LastIndexOf(" (") is var open and > 0)
        {
            var inner = text[(open + 2)..^1];
            var name = text[..open].Trim();
            var colon = inner.LastIndexOf(':');
            if (colon > 0 && int.TryParse(inner[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                return new ProfileFrame(name.ToString(), inner[..colon].ToString(), line);
            }

            if (inner.ContainsAny('/', '.', '\\'))
            {
                return new ProfileFrame(name.ToString(), inner.ToString(), 0);
            }
        }

        if (text.StartsWith("py::") && text[4..].IndexOf(':') is var sep and > 0)
        {
            // perf map entries of CPython 3.12+ (-X perf): "py::qualname:filename".
            var rest = text[4..];
            return new ProfileFrame(rest[..sep].ToString(), rest[(sep + 1)..].ToString(), 0);
        }

        return new ProfileFrame(text.ToString(), null, 0);
    }

    /// <summary>The last segment of a qualified name: "app::Store::get" → "get", "Store.get" → "get"; generics and closures dropped.</summary>
    public static string ShortName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name;
        // A hashed Rust symbol suffix ("::h1a2b3c4d5e6f7a8b") left by demanglers that keep the hash.
        if (s.Length > 19 && s[^17] == 'h' && s[^18] == ':' && s[^19] == ':')
        {
            s = s[..^19];
        }

        // Rust: "app::worker::{{closure}}" → the function the closure is in; "<T as Trait>::f" keeps "f".
        while (s.EndsWith("::{{closure}}", StringComparison.Ordinal))
        {
            s = s[..^"::{{closure}}".Length];
        }

        var generic = s.IndexOf('<', StringComparison.Ordinal);
        if (generic > 0 && !s.StartsWith('<'))
        {
            s = s[..generic];
        }

        var colons = s.LastIndexOf("::", StringComparison.Ordinal);
        if (colons >= 0)
        {
            s = s[(colons + 2)..];
        }

        var dot = s.LastIndexOf('.');
        if (dot >= 0 && dot < s.Length - 1 && !s.StartsWith('<'))
        {
            s = s[(dot + 1)..];
        }

        return s;
    }
}
