using System.Text;

namespace SkillHost.Installer.Tests.Support;

/// <summary>
/// Pre-existing client configs as people and clients really leave them. Each must merge without losing a byte of the
/// user's settings, and install → uninstall must give the original bytes back.
/// </summary>
internal static class ConfigVariants
{
    /// <summary>Plain JSON files (~/.claude.json, .mcp.json, Cursor, Claude Desktop).</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Json = new Dictionary<string, byte[]>
    {
        ["empty file"] = [],
        ["whitespace only"] = Utf8("  \n\n"),
        ["empty object"] = Utf8("{}"),
        ["empty object with newline"] = Utf8("{}\n"),
        ["empty object spread over lines"] = Utf8("{\n}\n"),
        ["other servers"] = Utf8("""
            {
              "mcpServers": {
                "github": {
                  "type": "stdio",
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-github"],
                  "env": { "GITHUB_TOKEN": "ghp_secret" }
                },
                "remote": { "type": "http", "url": "http://localhost:8080/mcp" }
              }
            }

            """),
        ["empty server list"] = Utf8("{\n  \"theme\": \"dark\",\n  \"mcpServers\": {}\n}\n"),
        ["server list in the middle"] = Utf8("""
            {
              "numStartups": 42,
              "mcpServers": {
                "other": { "command": "other-server" }
              },
              "tipsHistory": { "memory": 3 }
            }

            """),
        ["no trailing newline"] = Utf8("{\n  \"theme\": \"dark\",\n  \"verbose\": true\n}"),
        ["CRLF line endings"] = Utf8("{\r\n  \"theme\": \"dark\",\r\n  \"mcpServers\": {\r\n    \"other\": {\r\n      \"command\": \"x\"\r\n    }\r\n  }\r\n}\r\n"),
        ["byte order mark"] = [0xEF, 0xBB, 0xBF, .. Utf8("{\n  \"theme\": \"dark\"\n}\n")],
        ["tab indentation"] = Utf8("{\n\t\"theme\": \"dark\",\n\t\"mcpServers\": {\n\t\t\"other\": {\n\t\t\t\"command\": \"x\"\n\t\t}\n\t}\n}\n"),
        ["four-space indentation"] = Utf8("{\n    \"theme\": \"dark\",\n    \"editor\": {\n        \"fontSize\": 14\n    }\n}\n"),
        ["compact one line"] = Utf8("""{"theme":"dark","mcpServers":{"other":{"command":"x","args":[]}}}"""),
        ["unicode and escapes"] = Utf8("""
            {
              "name": "Zoë 🚀 東京",
              "escaped": "tab\tquote\"slash\/backslash\\ \u00e9 \ud83d\ude80",
              "k\u00e9y with \"quotes\"": [1, -2.5e+10, 0.0, true, false, null, [[]], {}],
              "mcpServers": { "café": { "command": "/opt/Café Tools/server", "args": ["--name", "日本"] } }
            }

            """),
        ["duplicate keys"] = Utf8("""
            {
              "mcpServers": { "first": { "command": "a" } },
              "theme": "dark",
              "mcpServers": { "second": { "command": "b" } }
            }

            """),
        ["stale skillhost entry"] = Utf8("""
            {
              "mcpServers": {
                "skillhost": { "command": "/old/path/skillhost", "args": ["serve", "--old"] },
                "other": { "command": "x" }
              }
            }

            """),
        ["deeply nested settings"] = Utf8("""
            {
              "projects": {
                "/home/me/app": {
                  "allowedTools": [],
                  "mcpServers": { "db": { "command": "db-server", "env": { "A": { "B": { "C": [ { "D": 1 } ] } } } } },
                  "history": [ { "display": "fix {braces} and \"quotes\"", "pastedContents": {} } ]
                }
              },
              "oauthAccount": { "emailAddress": "me@example.com" }
            }

            """),
        ["written by Claude Code"] = Utf8("""
            {
              "firstStartTime": "2026-11-28T17:33:58.719Z",
              "firstStartVersion": "2.1.328",
              "machineID": "ce25406b28dd97ef00982f5198b8420afb67d672e59eedfa2270ce99b6c70b42",
              "opusProMigrationComplete": true,
              "seenNotifications": {},
              "migrationVersion": 15,
              "userID": "e28b5782885185d70878ec633c675ff6657e4b91cee64817bf6be11ad33ab621"
            }
            """),
        ["huge file"] = Huge(),
    };

    /// <summary>JSONC files (VS Code's mcp.json): comments and trailing commas.</summary>
    public static readonly IReadOnlyDictionary<string, byte[]> Jsonc = new Dictionary<string, byte[]>
    {
        ["line comments"] = Utf8("""
            // Workspace MCP servers
            {
              // the linter
              "servers": {
                "lint": { "type": "stdio", "command": "lint-mcp" } // keep this one
              }
              // end of file
            }

            """),
        ["block comments"] = Utf8("""
            /* settings */ {
              "servers": { /* nothing yet */ },
              "inputs": [ /* { "id": "token" } */ ]
            }
            """),
        ["trailing commas"] = Utf8("""
            {
              "inputs": [
                { "type": "promptString", "id": "token", "password": true, },
              ],
              "servers": {
                "api": { "type": "http", "url": "http://localhost:3000/mcp", },
              },
            }

            """),
        ["comment that looks like JSON"] = Utf8("""
            {
              // "servers": { "skillhost": { "command": "old" } },
              "servers": {
                "docs": { "command": "docs-mcp", "args": ["--root", "/* not a comment */"] } /* "}" */
              }
            }

            """),
        ["CRLF with comments"] = Utf8("{\r\n  // mine\r\n  \"servers\": {\r\n    \"a\": { \"command\": \"a\" } // a\r\n  }\r\n}\r\n"),
    };

    /// <summary>Files that must be refused (with nothing written): name → (bytes, JSONC?).</summary>
    public static readonly IReadOnlyDictionary<string, (byte[] Bytes, bool Jsonc)> Malformed = new Dictionary<string, (byte[], bool)>
    {
        ["truncated"] = (Utf8("{\n  \"mcpServers\": {\n    \"other\": { \"command\": \"x\" },\n"), false),
        ["comment in plain JSON"] = (Utf8("{\n  // no comments here\n  \"a\": 1\n}\n"), false),
        ["trailing comma in plain JSON"] = (Utf8("{ \"a\": 1, }"), false),
        ["top-level array"] = (Utf8("[ { \"mcpServers\": {} } ]"), false),
        ["server list is an array"] = (Utf8("{ \"mcpServers\": [] }"), false),
        ["unterminated string"] = (Utf8("{ \"a\": \"oops }"), false),
        ["single quotes"] = (Utf8("{ 'a': 1 }"), false),
        ["not JSON at all"] = (Utf8("mcpServers = skillhost\n"), false),
        ["two documents"] = (Utf8("{}\n{}\n"), false),
        ["unterminated block comment"] = (Utf8("{ /* \"servers\": {} }"), true),
        ["invalid UTF-8"] = ([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], false),
        ["UTF-16"] = ([0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0], false),
    };

    public static TheoryData<string> JsonNames => [.. Json.Keys];

    public static TheoryData<string> JsoncNames => [.. Jsonc.Keys];

    public static TheoryData<string> MalformedNames => [.. Malformed.Keys];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // About 6 MB: a ~/.claude.json after years of projects and history.
    private static byte[] Huge()
    {
        var builder = new StringBuilder("{\n  \"projects\": {\n");
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("    \"/home/me/src/project-").Append(i).Append("\": { \"allowedTools\": [\"Bash\", \"Edit\"], \"history\": [{ \"display\": \"make it faster ")
                .Append(i).Append(" ✓\" }], \"lastCost\": ").Append(i * 0.01).Append(" }").Append(i < 19_999 ? ",\n" : "\n");
        }

        return Utf8(builder.Append("  },\n  \"userID\": \"abc\"\n}\n").ToString());
    }
}
