namespace SkillHost.Analysis.Text;

/// <summary>Decides a file's language from its extension, then its shebang, then its content.</summary>
public static class LanguageDetector
{
    public static LanguageInfo Detect(string? path, SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var extension = path is null ? "" : System.IO.Path.GetExtension(path).ToLowerInvariant();
        var language = Languages.LanguageSupport.ForPath(path)?.Language ?? SourceLanguage.Unknown;
        var reason = $"extension {extension}";

        if (language == SourceLanguage.Unknown)
        {
            (language, reason) = FromShebang(text) ?? FromContent(text) ?? (SourceLanguage.Unknown, "no evidence");
        }

        var isPyO3 = language == SourceLanguage.Rust && UsesPyO3(text.Text);
        return new LanguageInfo(language, isPyO3, reason);
    }

    /// <summary>True for Rust source that imports pyo3 or carries its attributes.</summary>
    public static bool UsesPyO3(string rust) =>
        rust.Contains("pyo3", StringComparison.Ordinal)
        || rust.Contains("#[pyfunction", StringComparison.Ordinal)
        || rust.Contains("#[pymodule", StringComparison.Ordinal)
        || rust.Contains("#[pyclass", StringComparison.Ordinal)
        || rust.Contains("#[pymethods", StringComparison.Ordinal);

    private static (SourceLanguage, string)? FromShebang(SourceText text)
    {
        if (!text.Text.StartsWith("#!", StringComparison.Ordinal))
        {
            return null;
        }

        var line = text.AsSpan(text.GetLineSpan(1));
        if (line.Contains("python", StringComparison.Ordinal))
        {
            return (SourceLanguage.Python, "shebang python");
        }

        // "#![attr]" is a Rust inner attribute, not a shebang; "#!/usr/bin/env rust-script" is a shebang.
        if (line.StartsWith("#![") || line.Contains("rust", StringComparison.Ordinal) || line.Contains("cargo", StringComparison.Ordinal))
        {
            return (SourceLanguage.Rust, line.StartsWith("#![") ? "content" : "shebang rust");
        }

        return null;
    }

    // A cheap vote over the first few kilobytes: tokens that only one of the two languages uses.
    private static (SourceLanguage, string)? FromContent(SourceText text)
    {
        var head = text.Text.AsSpan(0, Math.Min(text.Length, 8192));
        var rust = Count(head, "fn ") + Count(head, "let ") + Count(head, "::") + Count(head, "impl ") + Count(head, "pub ") + Count(head, "#[");
        var python = Count(head, "def ") + Count(head, "import ") + Count(head, "self.") + Count(head, "elif ") + Count(head, "\n    ") / 4 + Count(head, "\"\"\"");
        if (rust == 0 && python == 0)
        {
            return null;
        }

        return rust > python ? (SourceLanguage.Rust, "content") : (SourceLanguage.Python, "content");
    }

    private static int Count(ReadOnlySpan<char> text, string needle)
    {
        var count = 0;
        while (true)
        {
            var i = text.IndexOf(needle, StringComparison.Ordinal);
            if (i < 0)
            {
                return count;
            }

            count++;
            text = text[(i + needle.Length)..];
        }
    }
}
