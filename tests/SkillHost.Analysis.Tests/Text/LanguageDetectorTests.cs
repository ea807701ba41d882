using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Text;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("a/b.py", "x = 1", SourceLanguage.Python)]
    [InlineData("stubs.pyi", "def f() -> int: ...", SourceLanguage.Python)]
    [InlineData("lib.rs", "fn main() {}", SourceLanguage.Rust)]
    [InlineData("script", "#!/usr/bin/env python3\nprint(1)\n", SourceLanguage.Python)]
    [InlineData(null, "import os\n\ndef main():\n    return os.getcwd()\n", SourceLanguage.Python)]
    [InlineData(null, "use std::fmt;\n\npub fn f() -> u8 { let x = 1; x }\n", SourceLanguage.Rust)]
    [InlineData("notes.txt", "hello", SourceLanguage.Unknown)]
    public void Detects_language_from_extension_shebang_or_content(string? path, string content, SourceLanguage expected)
    {
        var info = LanguageDetector.Detect(path, SourceText.From(content));

        Assert.Equal(expected, info.Language);
    }

    [Fact]
    public void Given_a_Rust_file_using_pyo3_Then_it_is_tagged_PyO3()
    {
        var info = LanguageDetector.Detect("lib.rs", SourceText.From("use pyo3::prelude::*;\n#[pyfunction]\nfn f() {}\n"));

        Assert.True(info.IsPyO3);
    }

    [Fact]
    public void Given_plain_Rust_Then_it_is_not_PyO3()
    {
        var info = LanguageDetector.Detect("lib.rs", SourceText.From("fn f() {}\n"));

        Assert.False(info.IsPyO3);
    }
}
