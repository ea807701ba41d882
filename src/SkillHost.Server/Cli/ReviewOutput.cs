namespace SkillHost.Server.Cli;

/// <summary>Where the report goes: stdout, or the --output file, opened before the review so a bad path fails fast.</summary>
internal sealed class ReviewOutput : IDisposable
{
    private readonly StreamWriter? _file;
    private readonly string? _path;
    private readonly CliOutput _output;

    private ReviewOutput(TextWriter writer, StreamWriter? file, string? path, CliOutput output)
    {
        Writer = writer;
        _file = file;
        _path = path;
        _output = output;
    }

    public TextWriter Writer { get; }

    /// <summary>Null (after printing why) when the file cannot be created.</summary>
    public static ReviewOutput? Open(string? path, string workingDirectory, CliOutput output)
    {
        if (path is null)
        {
            return new ReviewOutput(output.Out, null, null, output);
        }

        try
        {
            var file = new StreamWriter(Path.GetFullPath(path, workingDirectory), append: false);
            return new ReviewOutput(file, file, path, output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            output.Error.WriteLine($"error: cannot write the report to '{path}': {e.Message}");
            return null;
        }
    }

    /// <summary>Flushes the file; false (after printing why) when that fails, e.g. a full disk.</summary>
    public bool Close()
    {
        try
        {
            _file?.Flush();
            return true;
        }
        catch (IOException e)
        {
            _output.Error.WriteLine($"error: cannot write the report to '{_path}': {e.Message}");
            return false;
        }
    }

    public void Dispose() => _file?.Dispose();
}
