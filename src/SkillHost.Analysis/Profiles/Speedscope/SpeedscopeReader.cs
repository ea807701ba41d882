using System.Text.Json;

namespace SkillHost.Analysis.Profiles.Speedscope;

/// <summary>
/// Reads speedscope's JSON file format (https://www.speedscope.app/file-format-schema.json): shared frames
/// (<c>name</c>, optional <c>file</c> and <c>line</c>) and profiles that are either <c>sampled</c> (stacks of frame
/// indices, root first, with weights) or <c>evented</c> (open/close events at times). Every profile of the file (one
/// per thread for py-spy) is folded into one; timed units become seconds, <c>none</c> counts samples.
/// </summary>
public static class SpeedscopeReader
{
    /// <summary>True when the JSON text names speedscope's schema or has its <c>shared.frames</c> and <c>profiles</c>.</summary>
    public static bool Looks(ReadOnlySpan<char> head) =>
        head.TrimStart().StartsWith("{")
        && (head.Contains("speedscope", StringComparison.Ordinal) || (head.Contains("\"profiles\"", StringComparison.Ordinal) && head.Contains("\"frames\"", StringComparison.Ordinal)));

    public static ProfileReadResult Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            return ProfileReadResult.Failed($"not valid JSON: {e.Message.Split(" Path:", 2)[0]} (a truncated file ends this way too)", ByteOffset(json.Span, line, e.BytePositionInLine ?? 0), line);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement);
            }
            catch (InvalidOperationException e)
            {
                // A string that is not valid UTF-8 (JsonDocument checks structure, not every string's encoding).
                return ProfileReadResult.Failed($"the speedscope JSON holds text that cannot be read: {e.Message}");
            }
        }
    }

    private static ProfileReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("shared", out var shared) || shared.ValueKind != JsonValueKind.Object
            || !shared.TryGetProperty("frames", out var frames) || frames.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Array)
        {
            return ProfileReadResult.Failed("JSON, but not a speedscope file: it needs `shared.frames` and `profiles` (see https://www.speedscope.app/file-format-schema.json)");
        }

        var diagnostics = new List<ProfileDiagnostic>();
        var aggregator = new StackAggregator();
        var ids = new int[frames.GetArrayLength()];
        var i = 0;
        foreach (var frame in frames.EnumerateArray())
        {
            ids[i++] = aggregator.Frame(Frame(frame));
        }

        ProfileUnit? unit = null;
        var p = 0;
        foreach (var profile in profiles.EnumerateArray())
        {
            p++;
            var type = profile.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var unitName = profile.TryGetProperty("unit", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : "none";
            if (Scale(unitName) is not { } scale)
            {
                diagnostics.Add(new ProfileDiagnostic($"profile {p} is measured in `{unitName}`, not time or samples (a memory profile?): skipped", 0, 0));
                continue;
            }

            var profileUnit = unitName == "none" ? ProfileUnit.Samples : ProfileUnit.Seconds;
            if (unit is { } known && known != profileUnit)
            {
                diagnostics.Add(new ProfileDiagnostic($"profile {p} counts {profileUnit.ToString().ToLowerInvariant()}, the ones before it {known.ToString().ToLowerInvariant()}: skipped (they cannot be added up)", 0, 0));
                continue;
            }

            unit = profileUnit;
            var problem = type switch
            {
                "sampled" => Sampled(profile, ids, scale, aggregator),
                "evented" => Evented(profile, ids, scale, aggregator),
                _ => $"type `{type}` is neither `sampled` nor `evented`",
            };
            if (problem is not null)
            {
                diagnostics.Add(new ProfileDiagnostic($"profile {p}: {problem}", 0, 0));
            }
        }

        if (aggregator.Stacks == 0)
        {
            diagnostics.Insert(0, new ProfileDiagnostic("the speedscope file holds no sample or event with a positive weight", 0, 0));
            return new ProfileReadResult(null, diagnostics);
        }

        return new ProfileReadResult(aggregator.Build(ProfileFormat.Speedscope, unit ?? ProfileUnit.Samples), diagnostics);
    }

    private static ProfileFrame Frame(JsonElement frame)
    {
        var name = frame.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? "?" : "?";
        var file = frame.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        var line = frame.TryGetProperty("line", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var li) ? li : 0;
        // Exporters that put everything in the name ("dedupe (app.py:8)") are read like collapsed frames.
        return file is null ? ProfileFrame.Parse(name) : new ProfileFrame(name, file, Math.Max(0, line));
    }

    private static double? Scale(string? unit) => unit switch
    {
        "none" => 1,
        "nanoseconds" => 1e-9,
        "microseconds" => 1e-6,
        "milliseconds" => 1e-3,
        "seconds" => 1,
        _ => null,
    };

    private static string? Sampled(JsonElement profile, int[] ids, double scale, StackAggregator aggregator)
    {
        if (!profile.TryGetProperty("samples", out var samples) || samples.ValueKind != JsonValueKind.Array)
        {
            return "a sampled profile without a `samples` array";
        }

        var weights = profile.TryGetProperty("weights", out var w) && w.ValueKind == JsonValueKind.Array ? w : default;
        var weightList = weights.ValueKind == JsonValueKind.Array ? weights.EnumerateArray().GetEnumerator() : default;
        var stack = new List<int>(64);
        var bad = 0;
        foreach (var sample in samples.EnumerateArray())
        {
            var weight = 1.0;
            if (weights.ValueKind == JsonValueKind.Array)
            {
                weight = weightList.MoveNext() && weightList.Current.ValueKind == JsonValueKind.Number ? weightList.Current.GetDouble() : 0;
            }

            stack.Clear();
            if (sample.ValueKind != JsonValueKind.Array)
            {
                bad++;
                continue;
            }

            foreach (var index in sample.EnumerateArray())
            {
                if (index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var k) && k >= 0 && k < ids.Length)
                {
                    stack.Add(ids[k]);
                }
                else
                {
                    bad++;
                }
            }

            aggregator.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), weight * scale);
        }

        return bad == 0 ? null : $"{bad} stack entries were not indices into `shared.frames`: left out";
    }

    private static string? Evented(JsonElement profile, int[] ids, double scale, StackAggregator aggregator)
    {
        if (!profile.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
        {
            return "an evented profile without an `events` array";
        }

        var stack = new List<int>(64);
        double? last = null;
        var problems = 0;
        foreach (var e in events.EnumerateArray())
        {
            if (!e.TryGetProperty("at", out var at) || at.ValueKind != JsonValueKind.Number
                || !e.TryGetProperty("frame", out var fr) || !fr.TryGetInt32(out var frame) || frame < 0 || frame >= ids.Length
                || !e.TryGetProperty("type", out var ty) || ty.GetString() is not ("O" or "C") || ty.GetString() is not { } kind)
            {
                problems++;
                continue;
            }

            var time = at.GetDouble();
            if (last is { } previous && time > previous && stack.Count > 0)
            {
                aggregator.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(stack), (time - previous) * scale);
            }

            last = time;
            if (kind == "O")
            {
                stack.Add(ids[frame]);
            }
            else if (stack.Count > 0 && stack[^1] == ids[frame])
            {
                stack.RemoveAt(stack.Count - 1);
            }
            else
            {
                problems++;
            }
        }

        return problems == 0 && stack.Count == 0 ? null
            : $"{problems} events were malformed or closed a frame that was not open{(stack.Count > 0 ? $", and {stack.Count} frames were never closed" : string.Empty)}";
    }

    private static long ByteOffset(ReadOnlySpan<byte> json, int line, long column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset < json.Length; l++)
        {
            var next = json[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
        }

        return offset + column;
    }
}
