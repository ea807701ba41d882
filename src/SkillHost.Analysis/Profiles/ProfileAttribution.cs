using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Profiles;

/// <summary>A profile function and, when it is reviewed code, where it is.</summary>
/// <param name="Path">The reviewed file (display path) the function is in, or null when it is outside the reviewed code.</param>
/// <param name="SourceLine">The function's first line in that file, or 0.</param>
public sealed record AttributedFunction(ProfileFunction Function, double Share, double SelfShare, string? Path, int SourceLine, string? SourceName)
{
    /// <summary>The function's last line in the reviewed file, or 0.</summary>
    public int SourceEndLine { get; init; }
}

/// <summary>
/// One profile joined to the reviewed code: which reviewed function each profile function is, the cost on each
/// reviewed line, and for each finding what was measured on its line or in its function (<see cref="Measure"/>).
/// </summary>
public sealed class ProfileAttribution
{
    /// <summary>A profile is flat when no function takes more than this share of the run by itself.</summary>
    public const double FlatSelfShare = 0.05;

    private readonly Dictionary<(string Path, int Line), (double Self, double Total)> _lines = [];
    private readonly Dictionary<(string Path, int Line), Aggregate> _functions = [];
    private readonly HashSet<string> _coveredFiles = new(StringComparer.Ordinal);
    private readonly List<int>[] _calleesOf;

    public ProfileAttribution(Profile profile, IReadOnlyList<FileClassification> files)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(files);
        Profile = profile;
        var map = new SourceMap(files);
        var attributed = new List<AttributedFunction>(profile.Functions.Count);
        for (var i = 0; i < profile.Functions.Count; i++)
        {
            var f = profile.Functions[i];
            var at = map.Function(f);
            if (at is { } a)
            {
                _coveredFiles.Add(a.File.Path);
                var key = (a.File.Path, a.Function.Line);
                if (!_functions.TryGetValue(key, out var sum))
                {
                    _functions[key] = sum = new Aggregate(a.Function.Name);
                }

                sum.Self += f.Self;
                sum.Total = Math.Max(sum.Total, f.Total);
                sum.Calls = f.Calls is { } c ? (sum.Calls ?? 0) + c : sum.Calls;
                sum.ProfileIndices.Add(i);
            }
            else if (map.File(f.File) is { } file)
            {
                _coveredFiles.Add(file.Path);
            }

            attributed.Add(new AttributedFunction(f, profile.ShareOf(f.Total), profile.ShareOf(f.Self), at?.File.Path, at?.Function.Line ?? 0, at?.Function.Name) { SourceEndLine = at?.Function.EndLine ?? 0 });
        }

        Functions = attributed;
        foreach (var line in profile.Lines)
        {
            if (map.File(line.File) is { } file)
            {
                _coveredFiles.Add(file.Path);
                var key = (file.Path, line.Line);
                var (self, total) = _lines.GetValueOrDefault(key);
                _lines[key] = (self + line.Self, total + line.Total);
            }
        }

        _calleesOf = new List<int>[profile.Functions.Count];
        foreach (var (call, index) in profile.Calls.Select((c, i) => (c, i)))
        {
            (_calleesOf[call.Caller] ??= []).Add(index);
        }
    }

    public Profile Profile { get; }

    /// <summary>Every profile function with its shares and, when reviewed code, its place.</summary>
    public IReadOnlyList<AttributedFunction> Functions { get; }

    /// <summary>True when some frame of the profile lies in the reviewed code.</summary>
    public bool CoversReviewedCode => _coveredFiles.Count > 0;

    /// <summary>The functions by their own cost, largest first.</summary>
    public IEnumerable<AttributedFunction> BySelf => Functions.OrderByDescending(f => f.Function.Self).ThenBy(f => f.Function.Name, StringComparer.Ordinal);

    /// <summary>True when no function takes more than <see cref="FlatSelfShare"/> of the run by itself.</summary>
    public bool IsFlat => Profile.Total > 0 && Functions.All(f => f.SelfShare <= FlatSelfShare);

    /// <summary>
    /// What the profile measured for a finding: its own lines when the profile has lines, else its enclosing function
    /// (callees included); null when the finding's file is not in the profile at all (the profile ran other code).
    /// </summary>
    public MeasuredCost? Measure(Finding finding, FileClassification? file)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (!_coveredFiles.Contains(finding.Path))
        {
            return null;
        }

        var function = file?.Functions
            .Where(f => f.Name != FunctionClassification.ModuleLevel && f.Line <= finding.Start.Line && finding.Start.Line <= f.EndLine)
            .OrderByDescending(f => f.Line)
            .FirstOrDefault();
        var aggregate = function is null ? null : _functions.GetValueOrDefault((finding.Path, function.Line));
        var name = aggregate?.Name ?? function?.Name ?? FunctionClassification.ModuleLevel;
        double self, total;
        MeasuredScope scope;
        if (Profile.HasLines)
        {
            (self, total) = (0, 0);
            for (var line = finding.Start.Line; line <= finding.End.Line; line++)
            {
                var (s, t) = _lines.GetValueOrDefault((finding.Path, line));
                self += s;
                total = Math.Max(total, t);
            }

            scope = MeasuredScope.Line;
        }
        else
        {
            (self, total) = aggregate is null ? (0, 0) : (aggregate.Self, aggregate.Total);
            scope = MeasuredScope.Function;
        }

        var seconds = Profile.Unit == ProfileUnit.Seconds;
        return new MeasuredCost(Profile.ShareOf(total), Profile.ShareOf(self), scope, name, Profile.ProfilerName)
        {
            Seconds = seconds ? total : null,
            Samples = seconds ? null : (long)Math.Round(total),
            Calls = aggregate?.Calls,
            ProfileTotal = Profile.Total,
        };
    }

    /// <summary>
    /// The calls a profile counted from the finding's function to a function the flagged code calls by name (pstats'
    /// callers): the passes per call of the enclosing function, or null when the profile counts no such call.
    /// </summary>
    public (double PassesPerCall, string Basis)? CountedPasses(Finding finding, FileClassification? file, string flaggedText)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(flaggedText);
        if (Profile.Calls.Count == 0 || file is null)
        {
            return null;
        }

        var function = file.Functions
            .Where(f => f.Name != FunctionClassification.ModuleLevel && f.Line <= finding.Start.Line && finding.Start.Line <= f.EndLine)
            .OrderByDescending(f => f.Line)
            .FirstOrDefault();
        if (function is null || _functions.GetValueOrDefault((finding.Path, function.Line)) is not { Calls: > 0 } caller)
        {
            return null;
        }

        var called = CalledNames(flaggedText);
        var edges = caller.ProfileIndices
            .SelectMany(i => _calleesOf[i] ?? [])
            .Select(i => Profile.Calls[i])
            .Where(c => called.Contains(CalleeName(Profile.Functions[c.Callee].Name)))
            .ToList();
        if (edges.Count == 0 || edges.Select(e => Profile.Functions[e.Callee].Name).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            // No call of the flagged code was counted, or several different callees match: no honest count.
            return null;
        }

        var calls = edges.Sum(e => e.Calls);
        var callee = CalleeName(Profile.Functions[edges[0].Callee].Name);
        var passes = (double)calls / caller.Calls!.Value;
        var basis = $"{Profile.ProfilerName}: `{callee}` called {calls:N0} times from `{caller.Name}`, which was called {caller.Calls:N0} {(caller.Calls == 1 ? "time" : "times")}";
        return (passes, basis);
    }

    // "<built-in method json.loads>" → "loads"; "<method 'append' of 'list' objects>" → "append"; "loads" → "loads".
    internal static string CalleeName(string name)
    {
        // Python 2 writes "{method 'append' of 'list' objects}", Python 3 "<method …>".
        if ((name.StartsWith("<method '", StringComparison.Ordinal) || name.StartsWith("{method '", StringComparison.Ordinal)) && name.IndexOf('\'', 9) is var end and > 9)
        {
            return name[9..end];
        }

        if ((name.StartsWith("<built-in method ", StringComparison.Ordinal) && name.EndsWith('>')) || (name.StartsWith("{built-in method ", StringComparison.Ordinal) && name.EndsWith('}')))
        {
            name = name["<built-in method ".Length..^1];
        }

        return ProfileFrame.ShortName(name);
    }

    // Identifiers directly followed by "(": the names the flagged code calls.
    private static HashSet<string> CalledNames(string text)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '(')
            {
                continue;
            }

            var end = i;
            while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            var start = end;
            while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
            {
                start--;
            }

            if (end > start)
            {
                names.Add(text[start..end]);
            }
        }

        return names;
    }

    private sealed class Aggregate(string name)
    {
        public string Name { get; } = name;

        public double Self { get; set; }

        public double Total { get; set; }

        public long? Calls { get; set; }

        public List<int> ProfileIndices { get; } = [];
    }
}
