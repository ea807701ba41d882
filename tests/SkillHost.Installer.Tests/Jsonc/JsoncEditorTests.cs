using System.Text;
using System.Text.Json.Nodes;
using SkillHost.Installer.Jsonc;
using SkillHost.Installer.Tests.Support;

namespace SkillHost.Installer.Tests.Jsonc;

public sealed class JsoncEditorTests
{
    private static readonly string[] ServerPath = ["mcpServers", "skillhost"];
    private static readonly string[] VsCodePath = ["servers", "skillhost"];

    private static JsonObject Entry() => new()
    {
        ["type"] = "stdio",
        ["command"] = "/opt/Skill Host/skillhost",
        ["args"] = new JsonArray("serve"),
    };

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    [Theory]
    [MemberData(nameof(ConfigVariants.JsonNames), MemberType = typeof(ConfigVariants))]
    public void Set_keeps_every_byte_of_a_json_config(string variant) =>
        AssertMergeKeepsTheRest(Text(ConfigVariants.Json[variant]), jsonc: false, ServerPath);

    [Theory]
    [MemberData(nameof(ConfigVariants.JsoncNames), MemberType = typeof(ConfigVariants))]
    public void Set_keeps_every_byte_and_comment_of_a_jsonc_config(string variant) =>
        AssertMergeKeepsTheRest(Text(ConfigVariants.Jsonc[variant]), jsonc: true, VsCodePath);

    [Theory]
    [InlineData("written by Claude Code")]
    [InlineData("deeply nested settings")]
    [InlineData("CRLF line endings")]
    public void Set_creates_a_local_scope_entry_under_projects(string variant) =>
        AssertMergeKeepsTheRest(Text(ConfigVariants.Json[variant]), jsonc: false, ["projects", "/home/me/app", "mcpServers", "skillhost"]);

    private static void AssertMergeKeepsTheRest(string original, bool jsonc, string[] path)
    {
        var editor = new JsoncEditor(original, jsonc);
        var previous = editor.GetValueText(path);
        var merged = editor.Set(path, Entry(), out var outcome, out var created);

        // Our entry is there and the result is valid in the file's own dialect.
        var reread = new JsoncEditor(merged, jsonc);
        Assert.True(JsonNode.DeepEquals(Entry(), reread.Get(path)));

        if (previous is null)
        {
            Assert.Equal(JsoncSetOutcome.Added, outcome);
            JsonAssert.OnlyInserted(original, merged);
            JsonAssert.SameValue(original, reread.Remove(path, created));
        }
        else
        {
            Assert.Equal(JsoncSetOutcome.Replaced, outcome);
            Assert.Equal(original, reread.ReplaceValueText(path, previous));
        }

        // The file's line endings and indentation carry over to what we inserted.
        if (original.Contains("\r\n", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("\n", merged.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        if (original.Contains("\n\t", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("\n  ", merged, StringComparison.Ordinal);
        }

        // A second run changes nothing.
        Assert.Equal(merged, reread.Set(path, Entry(), out var again, out _));
        Assert.Equal(JsoncSetOutcome.Unchanged, again);
    }

    [Theory]
    [MemberData(nameof(ConfigVariants.MalformedNames), MemberType = typeof(ConfigVariants))]
    public void Set_refuses_malformed_text_with_its_position(string variant)
    {
        var (bytes, jsonc) = ConfigVariants.Malformed[variant];
        if (variant is "invalid UTF-8" or "UTF-16")
        {
            return; // Encoding problems are refused before any text exists: see SkillInstallerTests.
        }

        var error = Assert.Throws<JsoncException>(() => new JsoncEditor(Text(bytes), jsonc).Set(ServerPath, Entry(), out _, out _));
        Assert.True(error.Line >= 1 && error.Column >= 1);
        Assert.Matches(@"^line \d+, column \d+: ", error.Message);
    }

    [Fact]
    public void Set_into_an_empty_object_writes_the_file_in_two_space_style()
    {
        var merged = new JsoncEditor("{}", jsonc: false).Set(ServerPath, new JsonObject { ["command"] = "s" }, out _, out var created);

        Assert.Equal("{\n  \"mcpServers\": {\n    \"skillhost\": {\n      \"command\": \"s\"\n    }\n  }\n}", merged);
        Assert.Equal(1, created);
    }

    [Fact]
    public void Set_into_a_compact_file_stays_on_one_line()
    {
        var merged = new JsoncEditor("""{"a":1,"mcpServers":{"x":{}}}""", jsonc: false).Set(ServerPath, new JsonObject { ["command"] = "s" }, out _, out _);

        Assert.Equal("""{"a":1,"mcpServers":{"x":{},"skillhost":{"command":"s"}}}""", merged);
    }

    [Fact]
    public void Set_puts_the_comma_after_the_last_value_and_leaves_its_comment_on_that_line()
    {
        const string Original = "{\n  \"servers\": {\n    \"a\": {} // mine\n  }\n}\n";

        var merged = new JsoncEditor(Original, jsonc: true).Set(VsCodePath, new JsonObject { ["command"] = "s" }, out _, out _);

        Assert.Equal("{\n  \"servers\": {\n    \"a\": {}, // mine\n    \"skillhost\": {\n      \"command\": \"s\"\n    }\n  }\n}\n", merged);
    }

    [Fact]
    public void Set_edits_the_last_of_duplicate_keys_as_json_parsers_read_it()
    {
        var original = Text(ConfigVariants.Json["duplicate keys"]);

        var merged = new JsoncEditor(original, jsonc: false).Set(ServerPath, new JsonObject { ["command"] = "s" }, out _, out _);

        Assert.StartsWith(original[..original.IndexOf("\"theme\"", StringComparison.Ordinal)], merged, StringComparison.Ordinal);
        Assert.Contains("\"second\": { \"command\": \"b\" },", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_refuses_a_server_list_that_is_not_an_object()
    {
        var error = Assert.Throws<JsoncException>(() => new JsoncEditor("{ \"mcpServers\": \"none\" }", jsonc: false).Set(ServerPath, Entry(), out _, out _));

        Assert.Contains("\"mcpServers\" must be an object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_takes_out_only_our_member_and_the_objects_it_created()
    {
        const string Original = "{\n  \"a\": 1\n}\n";
        var merged = new JsoncEditor(Original, jsonc: false).Set(ServerPath, Entry(), out _, out var created);
        var userEdited = merged.Replace("\"a\": 1", "\"a\": 2", StringComparison.Ordinal);

        Assert.Equal("{\n  \"a\": 2\n}\n", new JsoncEditor(userEdited, jsonc: false).Remove(ServerPath, created));
    }

    [Fact]
    public void Remove_keeps_a_server_list_that_holds_other_servers()
    {
        const string Original = "{\n  \"mcpServers\": {\n    \"other\": {}\n  }\n}\n";
        var merged = new JsoncEditor(Original, jsonc: false).Set(ServerPath, Entry(), out _, out var created);

        Assert.Equal(Original, new JsoncEditor(merged, jsonc: false).Remove(ServerPath, created));
    }

    [Fact]
    public void Parser_rejects_nesting_deeper_than_its_limit_instead_of_overflowing_the_stack()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<JsoncException>(() => JsoncParser.Parse(deep, jsonc: false));
        Assert.Contains("nesting deeper", error.Message, StringComparison.Ordinal);
    }
}
