namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// Inputs that meet a defect already reported and owned elsewhere (see tests/fuzz/KNOWN.md), recognised before they
/// run: counted and printed as known, not run (a known hang would cost its timeout and a spinning thread each time),
/// never counted as failures. Remove an entry once its fix lands; tests/fuzz/known holds each one's input.
/// </summary>
internal static class KnownIssues
{
    /// <summary>Python: brackets left open this deep make the structure builder superlinear (KNOWN.md, python-unclosed-brackets).</summary>
    private const int PythonUnclosedDepth = 64;

    /// <summary>Rust: this many closers without an opener make the parser quadratic (KNOWN.md, rust-stray-closers).</summary>
    private const int RustStrayClosers = 1000;

    /// <summary>The id of the known issue <paramref name="bytes"/> meets, or null.</summary>
    public static string? Match(string name, byte[] bytes)
    {
        // Bracket bytes anywhere, strings and comments included: a cheap over-estimate of what is left open or unmatched.
        var (depth, lowest) = (0, 0);
        foreach (var b in bytes)
        {
            depth += b switch
            {
                (byte)'(' or (byte)'[' or (byte)'{' => 1,
                (byte)')' or (byte)']' or (byte)'}' => -1,
                _ => 0,
            };
            lowest = Math.Min(lowest, depth);
        }

        return Path.GetExtension(name) switch
        {
            ".py" or ".pyi" when depth - lowest >= PythonUnclosedDepth => "python-unclosed-brackets",
            ".rs" when -lowest >= RustStrayClosers => "rust-stray-closers",
            _ => null,
        };
    }
}
