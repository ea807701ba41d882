using SkillHost.Skills.Validation;

namespace SkillHost.Skills.Tests.Validation;

public sealed class SkillValidatorTests
{
    private static ValidationResult Check(string frontmatter, ValidationProfile profile = ValidationProfile.Spec, string folder = "demo") =>
        SkillValidator.Validate(SkillParser.Parse($"---\n{frontmatter}\n---\n# Body\n"), folder, profile);

    private static string Codes(ValidationResult result) => string.Join(",", result.Problems.Select(p => p.Code));

    public sealed class Spec
    {
        [Fact]
        public void Given_a_minimal_skill_Then_it_is_valid() =>
            Assert.True(Check("name: demo\ndescription: Does a thing. Use when needed.").IsValid);

        [Theory]
        [InlineData("name: Demo", DiagnosticCodes.NameInvalid)]
        [InlineData("name: de_mo", DiagnosticCodes.NameInvalid)]
        [InlineData("name: -demo", DiagnosticCodes.NameInvalid)]
        [InlineData("name: demo-", DiagnosticCodes.NameInvalid)]
        [InlineData("name: de--mo", DiagnosticCodes.NameInvalid)]
        [InlineData("name: other", DiagnosticCodes.NameMismatch)]
        [InlineData("name: \"\"", DiagnosticCodes.NameMissing)]
        [InlineData("name: [a]", DiagnosticCodes.NameMissing)]
        public void Given_a_bad_name_Then_it_is_rejected_on_the_name_line(string name, string code)
        {
            var result = Check($"{name}\ndescription: d");

            Assert.False(result.IsValid);
            Assert.Contains(result.Problems, p => p.Code == code && p.Line == 2);
        }

        [Fact]
        public void Given_a_65_character_name_Then_it_is_rejected()
        {
            var name = new string('a', 65);
            Assert.Contains(DiagnosticCodes.NameInvalid, Codes(Check($"name: {name}\ndescription: d", folder: name)), StringComparison.Ordinal);
        }

        [Fact]
        public void Given_missing_name_and_description_Then_both_are_reported()
        {
            var result = Check("license: MIT");
            Assert.Equal($"{DiagnosticCodes.NameMissing},{DiagnosticCodes.DescriptionMissing}", Codes(result));
        }

        [Fact]
        public void Given_a_1025_character_description_Then_it_is_rejected_and_1024_is_fine()
        {
            Assert.False(Check($"name: demo\ndescription: {new string('d', 1025)}").IsValid);
            Assert.True(Check($"name: demo\ndescription: {new string('d', 1024)}").IsValid);
        }

        [Theory]
        [InlineData("compatibility: 1.0", false)]
        [InlineData("compatibility: \"1.0\"", true)]
        [InlineData("compatibility: true", false)]
        [InlineData("compatibility: Python 3.11+", true)]
        public void Given_compatibility_Then_it_must_be_a_string(string field, bool valid) =>
            Assert.Equal(valid, Check($"name: demo\ndescription: d\n{field}").IsValid);

        [Fact]
        public void Given_a_501_character_compatibility_Then_it_is_rejected() =>
            Assert.False(Check($"name: demo\ndescription: d\ncompatibility: {new string('c', 501)}").IsValid);

        [Fact]
        public void Given_a_claude_code_field_Then_the_spec_profile_rejects_it_with_its_line()
        {
            var result = Check("name: demo\ndescription: d\nwhen_to_use: always");
            var problem = Assert.Single(result.Problems);
            Assert.Equal((DiagnosticCodes.UnknownField, 4, DiagnosticSeverity.Error), (problem.Code, problem.Line, problem.Severity));
        }

        [Fact]
        public void Given_non_string_metadata_Then_it_warns_but_stays_valid_as_skills_ref_does()
        {
            var result = Check("name: demo\ndescription: d\nmetadata:\n  version: 2\n  tags: [a]");

            Assert.True(result.IsValid);
            Assert.Equal(2, result.Problems.Count(p => p.Code == DiagnosticCodes.MetadataInvalid && p.Severity == DiagnosticSeverity.Warning));
        }

        [Fact]
        public void Given_a_document_that_could_not_be_read_Then_its_errors_make_it_invalid()
        {
            var result = SkillValidator.Validate(SkillParser.Parse("# no frontmatter"), "demo", ValidationProfile.Spec);
            Assert.Equal(DiagnosticCodes.NoFrontmatter, Assert.Single(result.Problems).Code);
            Assert.False(result.IsValid);
        }
    }

    public sealed class ClaudeCode
    {
        [Fact]
        public void Given_claude_code_fields_Then_they_are_accepted()
        {
            var result = Check("name: demo\ndescription: d\nwhen_to_use: always\nargument-hint: \"[file]\"\ndisable-model-invocation: true\nuser-invocable: false\nmodel: sonnet\nhooks: {}", ValidationProfile.ClaudeCode);
            Assert.True(result.IsValid);
            Assert.Empty(result.Problems);
        }

        [Fact]
        public void Given_no_name_and_a_folder_mismatch_Then_claude_code_only_warns()
        {
            Assert.True(Check("description: d", ValidationProfile.ClaudeCode).IsValid);
            var mismatch = Check("name: other\ndescription: d", ValidationProfile.ClaudeCode);
            Assert.True(mismatch.IsValid);
            Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(mismatch.Problems).Severity);
        }

        [Fact]
        public void Given_an_unknown_field_Then_claude_code_warns()
        {
            var problem = Assert.Single(Check("name: demo\ndescription: d\nfavourite-colour: blue", ValidationProfile.ClaudeCode).Problems);
            Assert.Equal((DiagnosticCodes.UnknownField, DiagnosticSeverity.Warning), (problem.Code, problem.Severity));
        }

        [Fact]
        public void Given_a_non_boolean_invocation_flag_Then_claude_code_rejects_it() =>
            Assert.False(Check("name: demo\ndescription: d\ndisable-model-invocation: sometimes", ValidationProfile.ClaudeCode).IsValid);

        [Fact]
        public void Given_a_bad_name_format_Then_claude_code_still_rejects_it() =>
            Assert.False(Check("name: Bad Name\ndescription: d", ValidationProfile.ClaudeCode).IsValid);
    }

    public sealed class TryParseProfile
    {
        [Theory]
        [InlineData("spec", true)]
        [InlineData("claude-code", true)]
        [InlineData("vscode", false)]
        [InlineData(null, false)]
        public void Given_a_profile_name_Then_only_known_names_parse(string? text, bool known) =>
            Assert.Equal(known, SkillValidator.TryParseProfile(text, out _));
    }
}
