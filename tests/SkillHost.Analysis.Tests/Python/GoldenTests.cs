namespace SkillHost.Analysis.Tests.Python;

/// <summary>Every file in Python/Inputs has a token dump and a tree dump under Python/Golden.</summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Inputs() => [.. PythonGolden.InputNames()];

    public sealed class Tokens
    {
        [Theory]
        [MemberData(nameof(Inputs), MemberType = typeof(GoldenTests))]
        public void Given_an_input_file_When_lexed_Then_the_token_dump_matches_its_golden(string input)
        {
            var text = PythonGolden.LoadInput(input);

            var dump = PythonGolden.DumpTokens(text);

            PythonGolden.Verify(Path.ChangeExtension(input, ".tokens.txt"), dump);
        }
    }

    public sealed class Trees
    {
        [Theory]
        [MemberData(nameof(Inputs), MemberType = typeof(GoldenTests))]
        public void Given_an_input_file_When_parsed_Then_the_tree_dump_matches_its_golden(string input)
        {
            var text = PythonGolden.LoadInput(input);

            var dump = PythonGolden.DumpTree(text);

            PythonGolden.Verify(Path.ChangeExtension(input, ".tree.txt"), dump);
        }
    }
}
