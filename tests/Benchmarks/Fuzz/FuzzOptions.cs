using System.Globalization;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>The command line of <c>fuzz</c> (see <see cref="FuzzCommand"/>).</summary>
internal sealed record FuzzOptions(IReadOnlyList<string> Folders)
{
    public int Seed { get; private init; } = 1;

    public double Seconds { get; private init; } = 120;

    public TimeSpan Timeout { get; private init; } = TimeSpan.FromSeconds(10);

    public double SlowFactor { get; private init; } = 20;

    public double SlowFloorMs { get; private init; } = 50;

    /// <summary>Larger files are left out: a mutant of a big file costs many small ones.</summary>
    public int MaxBytes { get; private init; } = 64 * 1024;

    public string Save { get; private init; } = Path.Combine("artifacts", "fuzz");

    /// <summary>The options, or null when they are not understood or a folder does not exist.</summary>
    public static FuzzOptions? Parse(string[] args)
    {
        var folders = new List<string>();
        var options = new FuzzOptions(folders);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            double Number() => double.Parse(value!, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--seed" when value is not null: options = options with { Seed = (int)Number() }; i++; break;
                case "--seconds" when value is not null: options = options with { Seconds = Number() }; i++; break;
                case "--timeout-ms" when value is not null: options = options with { Timeout = TimeSpan.FromMilliseconds(Number()) }; i++; break;
                case "--slow-factor" when value is not null: options = options with { SlowFactor = Number() }; i++; break;
                case "--slow-floor-ms" when value is not null: options = options with { SlowFloorMs = Number() }; i++; break;
                case "--max-bytes" when value is not null: options = options with { MaxBytes = (int)Number() }; i++; break;
                case "--save" when value is not null: options = options with { Save = value }; i++; break;
                default: folders.Add(args[i]); break;
            }
        }

        return folders.Count > 0 && folders.All(Directory.Exists) ? options : null;
    }
}
