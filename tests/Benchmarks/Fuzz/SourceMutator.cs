using System.Text;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// Deterministic byte-level mutations of a source file, for the fuzzer: range deletions, insertions (random bytes or
/// fragments that open and close the lexers' states: quotes, brackets, comments, indentation), duplications,
/// truncations, line shuffles, long repeats of a fragment (deep nesting) and splices from another file. The same seed gives the same mutants.
/// </summary>
internal sealed class SourceMutator(Random random)
{
    // What makes lexers and structure builders change state: strings of every prefix, comments, brackets, indentation,
    // line continuations, Rust lifetimes, raw strings and generics, and bytes that are not UTF-8.
    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "\"", "'", "\"\"\"", "'''", "f\"", "rb'", "r#\"", "\"#", "b\"", "'a", "'\\u{", "{", "}", "(", ")", "[", "]", "<", ">", "::<",
            "#", "//", "/*", "*/", "///", "\\", "\n", "\r", "\r\n", "\t", "    ", "        ", ":", ";", ",", "=", "->", "=>", "|", "..",
            "def ", "class ", "async ", "await ", "for ", "while ", "if ", "lambda ", "yield ", "with ", "fn ", "impl ", "struct ", "loop ",
            "match ", "mut ", "&", "*", "@", "$", "!", "?", "{{", "}}", "{x!r:>{w}}", "# -*- coding: latin-1 -*-\n", "\uFEFF", "\u00e9", "\u202e",
            "# skillhost: ignore[", "#[pyfunction]\n", "Python::with_gil(|py| ", "for x in xs:\n    ", "for x in v.iter() {\n",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0x00],
    ];

    /// <summary>One mutant of <paramref name="source"/>: one to four mutations stacked, one of them maybe a splice from <paramref name="donor"/>.</summary>
    public byte[] Mutate(byte[] source, byte[] donor)
    {
        var bytes = new List<byte>(source);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            Apply(bytes, donor);
        }

        return [.. bytes];
    }

    private void Apply(List<byte> bytes, byte[] donor)
    {
        switch (random.Next(9))
        {
            case 7 when donor.Length > 0:
                // Another file's code spliced in: Rust inside Python, a class body inside an expression.
                var (at, take) = Range(donor.Length);
                bytes.InsertRange(random.Next(bytes.Count + 1), donor.AsSpan(at, take).ToArray());
                break;
            case 0 when bytes.Count > 0:
                var (start, length) = Range(bytes.Count);
                bytes.RemoveRange(start, length);
                break;
            case 1:
                bytes.InsertRange(random.Next(bytes.Count + 1), Fragments[random.Next(Fragments.Length)]);
                break;
            case 2:
                var noise = new byte[1 + random.Next(16)];
                random.NextBytes(noise);
                bytes.InsertRange(random.Next(bytes.Count + 1), noise);
                break;
            case 3 when bytes.Count > 0:
                var (from, size) = Range(bytes.Count);
                bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(from, size));
                break;
            case 4 when bytes.Count > 0:
                var cut = random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            case 5:
                ShuffleLines(bytes);
                break;
            case 6:
                // Deep nesting or a very long run: what recursion and quadratic scans meet first.
                var fragment = Fragments[random.Next(Fragments.Length)];
                var times = random.Next(2) == 0 ? 8 + random.Next(64) : 200 + random.Next(3000);
                bytes.InsertRange(random.Next(bytes.Count + 1), Enumerable.Repeat(fragment, times).SelectMany(f => f));
                break;
            default:
                if (bytes.Count > 0)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                break;
        }
    }

    // Mostly short ranges (a token), sometimes long ones (a block).
    private (int Start, int Length) Range(int count)
    {
        var start = random.Next(count);
        var most = count - start;
        var length = random.Next(4) == 0 ? 1 + random.Next(most) : 1 + random.Next(Math.Min(most, 64));
        return (start, length);
    }

    // Moves a few lines (or a block) elsewhere: indentation and bracket structure break in ways byte edits rarely reach.
    private void ShuffleLines(List<byte> bytes)
    {
        var lines = new List<List<byte>> { new() };
        foreach (var b in bytes)
        {
            lines[^1].Add(b);
            if (b == (byte)'\n')
            {
                lines.Add([]);
            }
        }

        if (lines.Count < 3)
        {
            return;
        }

        var moves = 1 + random.Next(4);
        for (var i = 0; i < moves; i++)
        {
            var from = random.Next(lines.Count);
            var line = lines[from];
            lines.RemoveAt(from);
            lines.Insert(random.Next(lines.Count + 1), line);
        }

        bytes.Clear();
        foreach (var line in lines)
        {
            bytes.AddRange(line);
        }
    }
}
