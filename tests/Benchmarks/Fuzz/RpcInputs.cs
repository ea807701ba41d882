using System.Text;

namespace SkillHost.Benchmarks.Fuzz;

/// <summary>
/// Hostile JSON-RPC lines for <see cref="RpcFuzzCommand"/>, from a seeded <see cref="Random"/>: bytes that are not UTF-8,
/// fields of the wrong type, huge and deeply nested JSON, unknown methods, batches, notifications that carry an id,
/// and byte-level mutations of valid requests. One line each, without its line break.
/// </summary>
internal sealed class RpcInputs(Random random)
{
    /// <summary>Valid requests of every kind the server answers: the material that the mutations start from.</summary>
    private static readonly string[] Valid =
    [
        """{"jsonrpc":"2.0","id":1,"method":"ping"}""",
        """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":3,"method":"resources/list"}""",
        """{"jsonrpc":"2.0","id":4,"method":"prompts/list","params":{"cursor":null}}""",
        """{"jsonrpc":"2.0","id":5,"method":"resources/templates/list"}""",
        """{"jsonrpc":"2.0","id":6,"method":"skills/list"}""",
        """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"classify_code","arguments":{"code":"for x in xs:\n    f(x)\n","language":"python"}}}""",
        """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"estimate_cost","arguments":{"operations":["python function call=10000"]}}}""",
        """{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"review_code","arguments":{"code":"fn f(v: &[String]) { for s in v { let _ = s.clone(); } }","language":"rust","limit":2}}}""",
        """{"jsonrpc":"2.0","id":10,"method":"tools/call","params":{"name":"checklist_review","arguments":{"code":"import json\nfor r in rows:\n    json.dumps(r)\n"}}}""",
        """{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"fix_code","arguments":{"code":"import time\nasync def f(ids):\n    for i in ids:\n        time.sleep(1)\n"}}}""",
        """{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"get_skill_section","arguments":{"section":"Quick review checklist"}}}""",
        """{"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"format_report","arguments":{"report":"## Hot path hypothesis\nThe loop.\n"}}}""",
        """{"jsonrpc":"2.0","id":14,"method":"prompts/get","params":{"name":"performance_review","arguments":{"code":"x = 1"}}}""",
        """{"jsonrpc":"2.0","id":15,"method":"resources/read","params":{"uri":"skill://performance-optimization/SKILL.md"}}""",
        """{"jsonrpc":"2.0","id":16,"method":"logging/setLevel","params":{"level":"debug"}}""",
        """{"jsonrpc":"2.0","id":17,"method":"completion/complete","params":{"ref":{"type":"ref/prompt","name":"performance_review"},"argument":{"name":"code","value":"x"}}}""",
        """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":7,"reason":"fuzz"}}""",
        """{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}""",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e309", "-0", "99999999999999999999999", "\"\"", "\"x\"", "[]", "{}", "[null]", "{\"a\":1}",
        "\"\\ud800\"", "\"\\u0000\"", "\"\\\"\"", "NaN", "Infinity", "\"" + new string('a', 10_000) + "\"",
    ];

    private static readonly string[] Methods =
    [
        "", "x", "ping ", "PING", "tools/call/", "tools/", "rpc.discover", "$/cancelRequest", "initialize", "notifications/initialized",
        "notifications/message", "resources/subscribe", "sampling/createMessage", "elicitation/create", "roots/list", "skills/get", "\u0000", "é",
    ];

    private const string JsonPunctuation = "{}[]\",:\\0-e.tfn ";

    /// <summary>One hostile line and the name of the generator that made it.</summary>
    public (string Kind, byte[] Line) Next() => random.Next(9) switch
    {
        0 => ("not-utf8", NotUtf8()),
        1 => ("wrong-type", Bytes(WrongType())),
        2 => ("huge", Bytes(Huge())),
        3 => ("deep", Bytes(Deep())),
        4 => ("unknown-method", Bytes($$"""{"jsonrpc":"2.0","id":{{Id()}},"method":{{Quote(Pick(Methods) + (random.Next(2) == 0 ? "" : random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture)))}}}""")),
        5 => ("batch", Bytes(Batch())),
        6 => ("notification-with-id", Bytes($$"""{"jsonrpc":"2.0","id":{{Id()}},"method":"{{Pick(["notifications/initialized", "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed"])}}","params":{{Pick(Values)}}}""")),
        7 => ("junk", Junk()),
        _ => ("mutated", Mutated()),
    };

    private string Id() => Pick(["1", "\"a\"", "0", "-5", "null", "1.5", "true", "[1]", "{}", "\"" + new string('9', 400) + "\"", "9007199254740993"]);

    private byte[] NotUtf8()
    {
        var line = Bytes(Pick(Valid)).ToList();
        for (var n = 1 + random.Next(3); n > 0; n--)
        {
            byte[] bad = Pick<byte[]>([[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFE, 0xFF]]);
            line.InsertRange(random.Next(line.Count + 1), bad);
        }

        return [.. line];
    }

    // A field of a valid request given a value of another type: id, jsonrpc, method, params, or a tool argument.
    private string WrongType()
    {
        var field = Pick(["\"id\":", "\"jsonrpc\":", "\"method\":", "\"params\":", "\"arguments\":", "\"name\":", "\"code\":", "\"uri\":", "\"level\":", "\"operations\":", "\"limit\":", "\"cursor\":"]);
        var request = Pick(Valid);
        var at = request.IndexOf(field, StringComparison.Ordinal);
        if (at < 0)
        {
            return request.Insert(1, $"{field}{Pick(Values)},");
        }

        var start = at + field.Length;
        var end = ValueEnd(request, start);
        return request[..start] + Pick(Values) + request[end..];
    }

    private string Huge()
    {
        var size = random.Next(4) == 0 ? 1 << (20 + random.Next(3)) : 1 << (10 + random.Next(8)); // up to 4 MB
        return random.Next(3) switch
        {
            0 => $$"""{"jsonrpc":"2.0","id":{{Id()}},"method":"tools/call","params":{"name":"review_code","arguments":{"code":"{{string.Concat(Enumerable.Repeat("for x in xs:\\n    f(x)\\n", size / 24))}}","language":"python"}""" + "}}",
            1 => $$$"""{"jsonrpc":"2.0","id":{{{Id()}}},"method":"ping","params":{"pad":[{{{string.Join(',', Enumerable.Repeat("1", size / 2))}}}]}}""",
            _ => $$"""{"jsonrpc":"2.0","id":"{{new string('i', size)}}","method":"ping"}""",
        };
    }

    private string Deep()
    {
        var depth = random.Next(2) == 0 ? 1 + random.Next(200) : 1000 + random.Next(200_000);
        var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + (random.Next(4) == 0 ? "" : string.Concat(Enumerable.Repeat(close, depth)));
        return random.Next(2) == 0
            ? $$"""{"jsonrpc":"2.0","id":{{Id()}},"method":"tools/call","params":{"name":"estimate_cost","arguments":{"operations":{{nested}}""" + "}}}"
            : $$"""{"jsonrpc":"2.0","id":{{Id()}},"method":"ping","params":{{nested}}}""";
    }

    private string Batch()
    {
        var items = Enumerable.Range(0, random.Next(6)).Select(_ => random.Next(3) == 0 ? Pick(Values) : Pick(Valid));
        return "[" + string.Join(',', items) + "]";
    }

    private byte[] Junk() => Pick<Func<byte[]>>(
    [
        () => [],
        () => Bytes("   "),
        () => Bytes(Pick(Values)),
        () => Bytes("{"),
        () => Bytes("\"jsonrpc\""),
        () => Bytes("{\"jsonrpc\":\"2.0\"}"),
        () => Bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"ping\"}"),
        () => Bytes("\uFEFF{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"),
        () => Bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\r"),
        () => Bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"),
        () => { var noise = new byte[1 + random.Next(256)]; random.NextBytes(noise); return [.. noise.Where(b => b != (byte)'\n')]; },
    ])();

    private byte[] Mutated()
    {
        var line = Bytes(Pick(Valid)).ToList();
        for (var n = 1 + random.Next(4); n > 0 && line.Count > 1; n--)
        {
            var at = random.Next(line.Count);
            switch (random.Next(5))
            {
                case 0: line.RemoveRange(at, Math.Min(line.Count - at, 1 + random.Next(16))); break;
                case 1: line.Insert(at, (byte)JsonPunctuation[random.Next(JsonPunctuation.Length)]); break;
                case 2: line.InsertRange(at, line.GetRange(at, Math.Min(line.Count - at, 1 + random.Next(32)))); break;
                case 3: line.RemoveRange(at, line.Count - at); break;
                default: line[at] = (byte)random.Next(256); break;
            }
        }

        return [.. line.Where(b => b != (byte)'\n')];
    }

    // The end of the JSON value starting at start (a string, number, literal, or a bracketed value), roughly.
    private static int ValueEnd(string json, int start)
    {
        if (json[start] == '"')
        {
            for (var i = start + 1; i < json.Length; i++)
            {
                if (json[i] == '\\')
                {
                    i++;
                }
                else if (json[i] == '"')
                {
                    return i + 1;
                }
            }

            return json.Length;
        }

        var depth = 0;
        for (var i = start; i < json.Length; i++)
        {
            switch (json[i])
            {
                case '[' or '{': depth++; break;
                case ']' or '}' when depth == 0: return i;
                case ']' or '}': depth--; if (depth == 0) { return i + 1; } break;
                case ',' when depth == 0: return i;
            }
        }

        return json.Length;
    }

    private static string Quote(string text) => "\"" + System.Text.Json.JsonEncodedText.Encode(text) + "\"";

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
