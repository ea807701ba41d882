namespace SkillHost.Analysis.Text;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>A problem found while reading a file: where, what, and a stable code.</summary>
/// <param name="Code">Stable id, e.g. "PY-LEX-001" or "RS-SYN-003".</param>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, TextSpan Span)
{
    public string Format(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.GetLinePosition(Span.Start);
        return $"{text.Path ?? "<input>"}:{at.Line}:{at.Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
    }
}
