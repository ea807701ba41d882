using System.Text;
using SkillHost.Analysis.Profiles;

namespace SkillHost.Analysis.Tests.Profiles;

/// <summary>The profile readers: goldens per fixture, detection from content, and bad input that never throws.</summary>
public sealed class ProfileReaderTests
{
    private static readonly string Fixtures = GoldenFile.SourceFolder(Path.Combine("Profiles", "Fixtures"));

    public static TheoryData<string> FixtureNames => [.. Directory.GetFiles(Fixtures).Select(f => Path.GetFileName(f)).Where(n => !n.EndsWith(".py", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Fixtures, name));

    private static ProfileReadResult Read(byte[] bytes) => ProfileReader.Read(new MemoryStream(bytes));

    public sealed class Goldens
    {
        [Theory]
        [MemberData(nameof(FixtureNames), MemberType = typeof(ProfileReaderTests))]
        public void Given_a_fixture_When_read_Then_functions_lines_calls_and_diagnostics_match_the_golden(string name) =>
            GoldenFile.Verify(GoldenFile.SourceFolder(Path.Combine("Profiles", "Golden", name + ".txt")), ProfileDump.Write(Read(Bytes(name))));

        [Theory]
        [InlineData("dedupe-py311.pstats", ProfileFormat.Pstats)]
        [InlineData("dedupe-py27.pstats", ProfileFormat.Pstats)]
        [InlineData("dedupe.collapsed", ProfileFormat.Collapsed)]
        [InlineData("flamegraph-perf.collapsed", ProfileFormat.Collapsed)]
        [InlineData("dedupe.speedscope.json", ProfileFormat.Speedscope)]
        [InlineData("evented.speedscope.json", ProfileFormat.Speedscope)]
        [InlineData("rust-hot.perf", ProfileFormat.PerfScript)]
        public void Given_a_file_named_anything_When_read_Then_the_format_comes_from_the_content(string name, ProfileFormat format)
        {
            var folder = Path.Combine(Path.GetTempPath(), "skillhost-profile-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var misnamed = Path.Combine(folder, "profile.txt");
                File.WriteAllBytes(misnamed, Bytes(name));

                var result = ProfileReader.Read(misnamed);

                Assert.Equal(format, result.Profile?.Format);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public sealed class Pstats
    {
        [Theory]
        [InlineData("dedupe-py311.pstats")]
        [InlineData("dedupe-py27.pstats")]
        public void Given_cProfile_callers_When_read_Then_the_call_count_is_the_first_field_of_the_callers_tuple(string name)
        {
            var profile = Read(Bytes(name)).Profile!;
            var loads = profile.Functions.Select((f, i) => (f, i)).Single(x => x.f.Name == "loads" && x.f.File!.EndsWith("__init__.py", StringComparison.Ordinal)).i;
            var load = profile.Functions.Select((f, i) => (f, i)).Single(x => x.f.Name == "load").i;

            var edge = profile.Calls.Single(c => c.Caller == load && c.Callee == loads);

            // 20 blobs × 20 passes: the callers tuple is (nc, cc, tt, ct), the stats tuple (cc, nc, tt, ct, callers).
            Assert.Equal(400, edge.Calls);
            Assert.Equal(400, profile.Functions[loads].Calls);
        }

        [Fact]
        public void Given_every_truncation_of_a_pstats_file_When_read_Then_none_throws_and_each_says_where_it_broke()
        {
            var bytes = Bytes("dedupe-py311.pstats");
            for (var length = 0; length < bytes.Length; length++)
            {
                var result = Read(bytes[..length]);

                Assert.NotEmpty(result.Diagnostics);
                Assert.All(result.Diagnostics, d => Assert.InRange(d.ByteOffset, 0, length));
            }
        }

        [Fact]
        public void Given_a_truncated_pstats_file_When_read_Then_the_functions_before_the_damage_are_kept()
        {
            var bytes = Bytes("dedupe-py311.pstats");

            var result = Read(bytes[..(bytes.Length * 3 / 4)]);

            Assert.NotNull(result.Profile);
            Assert.Contains("truncated", result.Problem, StringComparison.Ordinal);
        }
    }

    public sealed class Collapsed
    {
        [Fact]
        public void Given_frames_with_spaces_When_read_Then_the_count_is_split_at_the_last_space()
        {
            var result = Read(Encoding.UTF8.GetBytes("main (app.py:3);work item (app.py:9) 7\nmain (app.py:3) 3\n"));

            var work = result.Profile!.Functions.Single(f => f.Name == "work item");
            Assert.Equal(("app.py", 7.0, 7.0), (work.File, work.Self, work.Total));
            Assert.Equal(10, result.Profile.Total);
        }

        [Fact]
        public void Given_bad_lines_When_read_Then_each_is_skipped_with_its_line_and_byte_offset()
        {
            var result = Read(Bytes("bad-lines.collapsed"));

            Assert.Equal(21, result.Profile!.Total);
            Assert.Equal([(2, 13L), (4, 54L)], result.Diagnostics.Select(d => (d.Line, d.ByteOffset)));
        }

        [Fact]
        public void Given_recursion_When_read_Then_a_function_counts_once_per_stack_in_its_total()
        {
            var profile = Read(Encoding.UTF8.GetBytes("a;b;a;b 4\n")).Profile!;

            Assert.All(profile.Functions, f => Assert.Equal(4, f.Total));
        }
    }

    public sealed class BadInput
    {
        [Fact]
        public void Given_an_empty_file_When_read_Then_the_diagnostic_says_to_record_a_profile() =>
            Assert.Contains("empty", Read([]).Problem, StringComparison.Ordinal);

        [Theory]
        [InlineData("def f():\n    return 1\n", "not a profile format")]
        [InlineData("{\"name\": \"x\", \"values\": [1, 2]}", "not speedscope")]
        [InlineData("{\"$schema\": \"https://www.speedscope.app/file-format-schema.json\", \"shared\": {\"frames\": []}, \"profiles\": [", "not valid JSON")]
        [InlineData("PERFILE2\u0001\u0002", "perf script -i")]
        public void Given_something_else_When_read_Then_the_diagnostic_names_it_and_what_to_pass(string content, string expected)
        {
            var result = Read(Encoding.UTF8.GetBytes(content));

            Assert.Null(result.Profile);
            Assert.Contains(expected, result.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_gzip_file_When_read_Then_the_diagnostic_says_pprof_is_not_read_and_how_to_convert() =>
            Assert.Contains("pprof", Read([0x1f, 0x8b, 8, 0, 0, 0]).Problem, StringComparison.Ordinal);

        [Fact]
        public void Given_a_pstats_file_over_the_limit_When_read_Then_it_is_refused_before_it_is_loaded()
        {
            using var huge = new HugeStream("{)"u8.ToArray(), ProfileReader.MaxInMemoryBytes + 1);

            var result = ProfileReader.Read(huge);

            Assert.Null(result.Profile);
            Assert.Contains("over the", result.Problem, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(FixtureNames), MemberType = typeof(ProfileReaderTests))]
        public void Given_random_damage_to_a_fixture_When_read_Then_no_reader_throws(string name)
        {
            var original = Bytes(name);
            var random = new Random(17);
            for (var i = 0; i < 300; i++)
            {
                var bytes = (byte[])original.Clone();
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                var cut = random.Next(2) == 0 ? bytes : bytes[..random.Next(bytes.Length)];
                var result = Read(cut);

                Assert.True(result.Profile is not null || result.Diagnostics.Count > 0, $"{name} variant {i}: neither a profile nor a diagnostic");
            }
        }
    }

    // A stream that says it is huge and holds only its first bytes: the size check must come before any read of the whole.
    private sealed class HugeStream(byte[] head, long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Clamp(Math.Min(count, length - Position), 0, int.MaxValue);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = Position + i < head.Length ? head[Position + i] : (byte)'0';
            }

            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
