namespace SkillHost.Analysis.Review;

/// <summary>
/// Code passed inline rather than read from disk (an MCP tool argument, a paste). <paramref name="Path"/> is
/// only a name for reports and language detection; nothing is read from or written to it.
/// </summary>
/// <param name="Code">The source text.</param>
/// <param name="Path">A display name such as "handlers.py"; null gives "input1.py" / "input1.rs".</param>
/// <param name="Language">"python" or "rust" when neither the path nor the content says (null: detect).</param>
public sealed record SourceInput(string Code, string? Path = null, string? Language = null)
{
    /// <summary>Inline code above this many characters is refused, like files over <see cref="SourceFileReader.DefaultMaxBytes"/> bytes.</summary>
    public const int MaxChars = (int)SourceFileReader.DefaultMaxBytes;
}
