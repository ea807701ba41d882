namespace SkillHost.Installer.Jsonc;

/// <summary>The text is not valid JSON (or JSONC); <see cref="Line"/> and <see cref="Column"/> are 1-based.</summary>
public sealed class JsoncException : Exception
{
    public JsoncException(string reason, int line, int column)
        : base($"line {line}, column {column}: {reason}")
    {
        Reason = reason;
        Line = line;
        Column = column;
    }

    public JsoncException()
    {
        Reason = string.Empty;
    }

    public JsoncException(string message)
        : base(message)
    {
        Reason = message;
    }

    public JsoncException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public string Reason { get; }

    public int Line { get; }

    public int Column { get; }
}
