using System.Text;
using SkillHost.Skills.Files;

namespace SkillHost.Skills.Tests.Files;

/// <summary>File names that are not UTF-8 carried in strings: each bad byte as U+DC00 + byte, round-tripping exactly.</summary>
public sealed class FileNameBytesTests
{
    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x2E, 0x70, 0x79 }, "a<ff>.py", "a\\xff.py")]
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xC3, 0xA9 }, "café", "café")]
    [InlineData(new byte[] { 0xC3, 0x28 }, "<c3>(", "\\xc3(")]                      // a lead byte without its continuation
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "<ed><a0><80>", "\\xed\\xa0\\x80")] // an encoded surrogate is not UTF-8
    [InlineData(new byte[] { 0xE2, 0x82 }, "<e2><82>", "\\xe2\\x82")]               // a sequence cut short at the end
    public void Given_name_bytes_When_decoded_Then_bad_bytes_are_escaped_and_the_bytes_come_back(byte[] bytes, string decoded, string display)
    {
        var name = FileNameBytes.Decode(bytes);

        // <ff> stands for the escape character of byte 0xFF: a lone surrogate cannot be written in an attribute (metadata is UTF-8).
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(decoded, "<([0-9a-f]{2})>", m => ((char)(0xDC00 + Convert.ToInt32(m.Groups[1].Value, 16))).ToString()), name);
        Assert.Equal(bytes, FileNameBytes.ToBytes(name));
        Assert.Equal(display, FileNameBytes.Display(name));
        Assert.Equal(name != Encoding.UTF8.GetString(bytes), FileNameBytes.HasEscapes(name));
    }

    [Fact]
    public void Given_a_folder_holding_a_name_that_is_not_utf8_When_listed_by_bytes_Then_the_file_opens_by_that_name()
    {
        Assert.SkipUnless(RawFileSystem.IsSupported, "byte-level names need Linux");
        var folder = Directory.CreateTempSubdirectory("skillhost-names-").FullName;
        try
        {
            var shell = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", "printf 'x = 1\\n' > \"$(printf 'a\\377.py')\"; mkdir -p sub"]) { WorkingDirectory = folder };
            using (var process = System.Diagnostics.Process.Start(shell)!)
            {
                process.WaitForExit();
            }

            var entries = RawFileSystem.List(folder).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();

            Assert.Equal([new("a\uDCFF.py", false, false), new("sub", true, false)], entries);
            using var stream = new FileStream(RawFileSystem.OpenRead(Path.Combine(folder, "a\uDCFF.py")), FileAccess.Read);
            Assert.Equal("x = 1\n", new StreamReader(stream).ReadToEnd());
            Assert.Equal(Path.Combine(folder, "a\uDCFF.py"), RawFileSystem.Resolve(Path.Combine(folder, "a\uFFFD.py")));
            Assert.Throws<FileNotFoundException>(() => RawFileSystem.OpenRead(Path.Combine(folder, "b\uDCFF.py")));
        }
        finally
        {
            using var rm = System.Diagnostics.Process.Start("rm", ["-rf", "--", folder]);
            rm.WaitForExit();
        }
    }
}
