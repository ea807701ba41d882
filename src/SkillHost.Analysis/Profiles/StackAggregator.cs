namespace SkillHost.Analysis.Profiles;

/// <summary>
/// Folds weighted stacks (root first) into per-function and per-line self and total costs as they are read, so a
/// 100 MB file is never held: each distinct frame text is parsed once, and a stack costs one pass over its frame ids.
/// Recursion counts once per stack in a total (a stamp per function and line).
/// </summary>
internal sealed class StackAggregator
{
    private readonly Dictionary<string, int> _frameIds = new(StringComparer.Ordinal);
    private readonly List<(int Function, int Line)> _frames = [];
    private readonly Dictionary<(string Name, string? File), int> _functionIds = [];
    private readonly List<Accumulator> _functions = [];
    private readonly Dictionary<(string File, int Line), int> _lineIds = [];
    private readonly List<Accumulator> _lines = [];
    private int _stamp;

    public double Total { get; private set; }

    public long Stacks { get; private set; }

    public int FrameCount => _frames.Count;

    /// <summary>The id of a frame written as text (see <see cref="ProfileFrame.Parse"/>), parsed the first time it is seen.</summary>
    public int FrameId(ReadOnlySpan<char> text)
    {
        var lookup = _frameIds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var id))
        {
            return id;
        }

        id = Frame(ProfileFrame.Parse(text));
        lookup[text] = id;
        return id;
    }

    /// <summary>The id of a frame already split into its parts.</summary>
    public int Frame(ProfileFrame frame)
    {
        var key = (frame.Name, frame.File);
        if (!_functionIds.TryGetValue(key, out var function))
        {
            function = _functions.Count;
            _functionIds[key] = function;
            _functions.Add(new Accumulator(frame.Name, frame.File, 0));
        }

        var line = -1;
        if (frame.File is not null && frame.Line > 0)
        {
            var lineKey = (frame.File, frame.Line);
            if (!_lineIds.TryGetValue(lineKey, out line))
            {
                line = _lines.Count;
                _lineIds[lineKey] = line;
                _lines.Add(new Accumulator(string.Empty, frame.File, frame.Line));
            }
        }

        _frames.Add((function, line));
        return _frames.Count - 1;
    }

    /// <summary>Adds one stack, root first, with its weight (samples or time).</summary>
    public void Add(ReadOnlySpan<int> stack, double weight)
    {
        if (stack.Length == 0 || !(weight > 0) || double.IsInfinity(weight))
        {
            return;
        }

        _stamp++;
        Stacks++;
        Total += weight;
        foreach (var id in stack)
        {
            var (function, line) = _frames[id];
            var f = _functions[function];
            if (f.Stamp != _stamp)
            {
                f.Stamp = _stamp;
                f.Total += weight;
            }

            if (line >= 0 && _lines[line] is var l && l.Stamp != _stamp)
            {
                l.Stamp = _stamp;
                l.Total += weight;
            }
        }

        var (leafFunction, leafLine) = _frames[stack[^1]];
        _functions[leafFunction].Self += weight;
        if (leafLine >= 0)
        {
            _lines[leafLine].Self += weight;
        }
    }

    public Profile Build(ProfileFormat format, ProfileUnit unit) =>
        new(
            format,
            unit,
            Total,
            [.. _functions.Select(f => new ProfileFunction(f.Name, f.File, 0, f.Self, f.Total, null))],
            [.. _lines.Select(l => new ProfileLine(l.File!, l.Line, l.Self, l.Total))],
            [])
        {
            Stacks = Stacks,
        };

    private sealed class Accumulator(string name, string? file, int line)
    {
        public string Name { get; } = name;

        public string? File { get; } = file;

        public int Line { get; } = line;

        public double Self { get; set; }

        public double Total { get; set; }

        public int Stamp { get; set; }
    }
}
