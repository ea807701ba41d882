namespace SkillHost.Analysis.Profiles;

/// <summary>The profile formats SkillHost reads, detected from the content.</summary>
public enum ProfileFormat
{
    /// <summary>Python's cProfile / profile output (<c>pstats</c>: a marshal dict).</summary>
    Pstats,

    /// <summary>Collapsed stacks (<c>a;b;c N</c>): py-spy raw, FlameGraph's stackcollapse-*, inferno.</summary>
    Collapsed,

    /// <summary>speedscope JSON, sampled or evented.</summary>
    Speedscope,

    /// <summary>The text of <c>perf script</c>.</summary>
    PerfScript,
}

/// <summary>What a profile's figures count.</summary>
public enum ProfileUnit
{
    /// <summary>Samples of a sampling profiler (collapsed stacks, perf, unit-less speedscope weights).</summary>
    Samples,

    /// <summary>Seconds of measured time (cProfile, timed speedscope profiles).</summary>
    Seconds,
}

/// <summary>One function of a profile, its own and inclusive cost.</summary>
/// <param name="Name">The function's name as the profiler wrote it, without file or line ("dedupe", "app::hot_loop").</param>
/// <param name="File">Its file as recorded (often an absolute path from another machine), or null when the profiler does not say.</param>
/// <param name="Line">Its definition line (pstats) or 0 when the profile gives lines per sample instead.</param>
/// <param name="Self">Cost spent in the function itself, in the profile's unit.</param>
/// <param name="Total">Cost spent in it and its callees (recursion counted once).</param>
/// <param name="Calls">How many times it was called (pstats <c>nc</c>), or null when the format does not count calls.</param>
public sealed record ProfileFunction(string Name, string? File, int Line, double Self, double Total, long? Calls)
{
    /// <summary>"dedupe (app.py:3)", "app::hot_loop".</summary>
    public string Display => File is null ? Name : Line > 0 ? $"{Name} ({File}:{Line})" : $"{Name} ({File})";
}

/// <summary>The cost sampled on one source line (formats whose frames carry lines).</summary>
public sealed record ProfileLine(string File, int Line, double Self, double Total);

/// <summary>A caller → callee edge with its call count (pstats' callers dict): how many calls a loop made.</summary>
/// <param name="Caller">Index into <see cref="Profile.Functions"/>.</param>
/// <param name="Callee">Index into <see cref="Profile.Functions"/>.</param>
public sealed record ProfileCall(int Caller, int Callee, long Calls, double Total);

/// <summary>
/// A profile read into one shape whatever its format: functions with self and total cost, lines where the format has
/// them, call edges where it counts calls. Figures are in <see cref="Unit"/>; <see cref="Total"/> is the whole run.
/// </summary>
public sealed record Profile(
    ProfileFormat Format,
    ProfileUnit Unit,
    double Total,
    IReadOnlyList<ProfileFunction> Functions,
    IReadOnlyList<ProfileLine> Lines,
    IReadOnlyList<ProfileCall> Calls)
{
    /// <summary>Where it was read from, as displayed.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>How many stacks (samples or events) it holds; 0 for pstats.</summary>
    public long Stacks { get; init; }

    /// <summary>"cProfile", "collapsed stacks", "speedscope", "perf".</summary>
    public string ProfilerName => Format switch
    {
        ProfileFormat.Pstats => "cProfile",
        ProfileFormat.Collapsed => "collapsed stacks",
        ProfileFormat.Speedscope => "speedscope",
        _ => "perf",
    };

    /// <summary>True when the frames carry source lines (so a finding can be measured on its own line).</summary>
    public bool HasLines => Lines.Count > 0;

    /// <summary>The share of the whole run, 0–1 (0 for an empty profile).</summary>
    public double ShareOf(double cost) => Total > 0 ? Math.Clamp(cost / Total, 0, 1) : 0;
}

/// <summary>Why a profile could not be read (or was read only in part), and where.</summary>
/// <param name="ByteOffset">Where in the file the problem lies, in bytes from its start.</param>
/// <param name="Line">The 1-based line for text formats, 0 for binary ones.</param>
public sealed record ProfileDiagnostic(string Message, long ByteOffset, int Line)
{
    public override string ToString() => Line > 0 ? $"line {Line} (byte {ByteOffset}): {Message}" : $"byte {ByteOffset}: {Message}";
}

/// <summary>A reader's answer: the profile (null when nothing usable was read) and what went wrong on the way.</summary>
public sealed record ProfileReadResult(Profile? Profile, IReadOnlyList<ProfileDiagnostic> Diagnostics)
{
    public bool Succeeded => Profile is not null;

    public static ProfileReadResult Failed(string message, long byteOffset = 0, int line = 0) =>
        new(null, [new ProfileDiagnostic(message, byteOffset, line)]);

    /// <summary>One line for an error message: the first diagnostic and how many more.</summary>
    public string Problem => Diagnostics.Count == 0
        ? string.Empty
        : Diagnostics[0] + (Diagnostics.Count > 1 ? $" (and {Diagnostics.Count - 1} more problems)" : string.Empty);
}
