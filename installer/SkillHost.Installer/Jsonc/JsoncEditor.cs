using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SkillHost.Installer.Jsonc;

/// <summary>What <see cref="JsoncEditor.Set"/> did.</summary>
internal enum JsoncSetOutcome
{
    /// <summary>The member already had an equal value; the text is returned unchanged.</summary>
    Unchanged,

    /// <summary>The member was missing and was inserted (with any missing parent objects).</summary>
    Added,

    /// <summary>The member had another value, which was replaced.</summary>
    Replaced,
}

/// <summary>
/// Edits one member of a JSON or JSONC document by replacing or inserting only that member's text. Everything else —
/// other members, comments, key order, indentation, line endings, a missing final newline — stays byte for byte.
/// </summary>
internal sealed class JsoncEditor
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _text;
    private readonly bool _jsonc;
    private readonly string _newline;
    private readonly string _indentUnit;

    /// <param name="text">The document (without a byte order mark).</param>
    /// <param name="jsonc">Whether comments and trailing commas are allowed (VS Code's mcp.json); otherwise strict JSON.</param>
    public JsoncEditor(string text, bool jsonc)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _jsonc = jsonc;
        _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        _indentUnit = DetectIndentUnit(text);
    }

    /// <summary>Checks that the text parses and its top level is an object (or nothing); throws <see cref="JsoncException"/> if not.</summary>
    public JsoncObject? Validate()
    {
        var root = JsoncParser.Parse(_text, _jsonc);
        return root switch
        {
            null => null,
            JsoncObject o => o,
            _ => throw new JsoncException("the top level must be a JSON object ({ ... })", 1, 1),
        };
    }

    /// <summary>The value at <paramref name="path"/>, or <c>null</c> when a member on the way is missing.</summary>
    public JsonNode? Get(IReadOnlyList<string> path)
    {
        var member = FindMember(Validate(), path, out _);
        return member is null ? null : ToNode(member.Value);
    }

    /// <summary>Sets the member at <paramref name="path"/> to <paramref name="value"/>, creating missing parent objects.</summary>
    /// <param name="created">How many objects on the path were created (0 when only the last member was added or replaced).</param>
    public string Set(IReadOnlyList<string> path, JsonNode value, out JsoncSetOutcome outcome, out int created)
    {
        ArgumentOutOfRangeException.ThrowIfZero(path.Count);
        var root = Validate();
        created = 0;
        if (root is null)
        {
            outcome = JsoncSetOutcome.Added;
            created = path.Count - 1;
            var separator = _text.Length == 0 || _text.EndsWith('\n') ? string.Empty : _newline;
            return _text + separator + "{" + _newline + _indentUnit + MemberText(path, 0, value, _indentUnit) + _newline + "}" + _newline;
        }

        var parent = root;
        for (var i = 0; i < path.Count - 1; i++)
        {
            var next = parent.Find(path[i]);
            if (next is null)
            {
                outcome = JsoncSetOutcome.Added;
                created = path.Count - 1 - i;
                return Insert(parent, path, i, value);
            }

            parent = next.Value as JsoncObject ?? throw NotAnObject(path, i, next.Value);
        }

        var existing = parent.Find(path[^1]);
        if (existing is null)
        {
            outcome = JsoncSetOutcome.Added;
            return Insert(parent, path, path.Count - 1, value);
        }

        if (JsonNode.DeepEquals(ToNode(existing.Value), value))
        {
            outcome = JsoncSetOutcome.Unchanged;
            return _text;
        }

        outcome = JsoncSetOutcome.Replaced;
        var formatted = Format(value, LineIndent(existing.KeyStart));
        return string.Concat(_text.AsSpan(0, existing.Value.Start), formatted, _text.AsSpan(existing.Value.End));
    }

    /// <summary>Replaces the value at <paramref name="path"/> with <paramref name="valueText"/> as given (a previous value restored verbatim).</summary>
    public string ReplaceValueText(IReadOnlyList<string> path, string valueText)
    {
        var member = FindMember(Validate(), path, out _);
        return member is null
            ? _text
            : string.Concat(_text.AsSpan(0, member.Value.Start), valueText, _text.AsSpan(member.Value.End));
    }

    /// <summary>The exact text of the value at <paramref name="path"/>, or <c>null</c>.</summary>
    public string? GetValueText(IReadOnlyList<string> path)
    {
        var member = FindMember(Validate(), path, out _);
        return member is null ? null : _text[member.Value.Start..member.Value.End];
    }

    /// <summary>
    /// Removes the member at <paramref name="path"/>; then, for up to <paramref name="created"/> parent objects the
    /// install created, removes each one that is left empty.
    /// </summary>
    public string Remove(IReadOnlyList<string> path, int created)
    {
        var text = RemoveOne(path);
        for (var depth = 1; depth <= created && path.Count - depth > 0; depth++)
        {
            var parentPath = path.Take(path.Count - depth).ToArray();
            var editor = new JsoncEditor(text, _jsonc);
            if (FindMember(editor.Validate(), parentPath, out _) is not { Value: JsoncObject { Members.Count: 0 } })
            {
                break;
            }

            text = editor.RemoveOne(parentPath);
        }

        return text;
    }

    private string RemoveOne(IReadOnlyList<string> path)
    {
        var member = FindMember(Validate(), path, out var parent);
        if (member is null || parent is null)
        {
            return _text;
        }

        var members = parent.Members;
        var index = LastIndexOf(members, member);
        if (index < members.Count - 1)
        {
            // Not the last: the next member's key moves into this one's place, keeping this line's indentation.
            return string.Concat(_text.AsSpan(0, member.KeyStart), _text.AsSpan(members[index + 1].KeyStart));
        }

        var start = SkipWhitespaceBackwards(member.KeyStart);
        var end = member.CommaAfter >= 0 ? member.CommaAfter + 1 : member.Value.End;
        if (index > 0 && members[index - 1].CommaAfter is var comma and >= 0 && member.CommaAfter < 0)
        {
            // The previous member becomes the last: drop the comma that separated it from this one.
            return string.Concat(_text.AsSpan(0, comma), _text.AsSpan(comma + 1, start - comma - 1), _text.AsSpan(end));
        }

        return string.Concat(_text.AsSpan(0, start), _text.AsSpan(end));
    }

    private static int LastIndexOf(IReadOnlyList<JsoncMember> members, JsoncMember member)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(members[i], member))
            {
                return i;
            }
        }

        return -1;
    }

    private static JsoncMember? FindMember(JsoncObject? root, IReadOnlyList<string> path, out JsoncObject? parent)
    {
        parent = root;
        JsoncMember? member = null;
        for (var i = 0; i < path.Count; i++)
        {
            if (parent is null || (member = parent.Find(path[i])) is null)
            {
                parent = null;
                return null;
            }

            if (i < path.Count - 1)
            {
                parent = member.Value as JsoncObject;
            }
        }

        return member;
    }

    // Inserts the member path[level] (holding the rest of the path, then the value) as the last member of parent.
    private string Insert(JsoncObject parent, IReadOnlyList<string> path, int level, JsonNode value)
    {
        var close = parent.End - 1;
        var members = parent.Members;
        var compact = members.Count > 0 && _text.IndexOf('\n', parent.Start, parent.End - parent.Start) < 0;
        var insertAt = SkipWhitespaceBackwards(close);
        var builder = new StringBuilder(_text.Length + 256);
        var last = members.Count > 0 ? members[^1] : null;
        if (last is { CommaAfter: < 0 })
        {
            builder.Append(_text, 0, last.Value.End).Append(',').Append(_text, last.Value.End, insertAt - last.Value.End);
        }
        else
        {
            builder.Append(_text, 0, insertAt);
        }

        if (compact)
        {
            builder.Append(MemberText(path, level, value, indent: null));
        }
        else
        {
            var outer = LineIndent(parent.Start);
            var inner = last is not null && IsFirstOnLine(members[0].KeyStart) ? LineIndent(members[0].KeyStart) : outer + _indentUnit;
            builder.Append(_newline).Append(inner).Append(MemberText(path, level, value, inner));
            if (_text.IndexOf('\n', insertAt, close - insertAt) < 0)
            {
                builder.Append(_newline).Append(outer);
            }
        }

        return builder.Append(_text, insertAt, _text.Length - insertAt).ToString();
    }

    // "name": value, where value nests the remaining path names around the final value. A null indent writes it on one line.
    private string MemberText(IReadOnlyList<string> path, int level, JsonNode value, string? indent)
    {
        var nested = value.DeepClone();
        for (var i = path.Count - 1; i > level; i--)
        {
            nested = new JsonObject { [path[i]] = nested };
        }

        // A JsonValue, not JsonSerializer.Serialize<string>: the reflection-based overload breaks the Native AOT publish (IL2026/IL3050).
        var name = JsonValue.Create(path[level]).ToJsonString(Relaxed);
        return indent is null ? name + ":" + nested.ToJsonString(Relaxed) : name + ": " + Format(nested, indent);
    }

    // Indented JSON in the document's own style: its indent unit and line ending, each line after the first at `indent`.
    private string Format(JsonNode value, string indent)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentCharacter = _indentUnit[0],
            IndentSize = _indentUnit.Length,
            NewLine = _newline,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            value.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace(_newline, _newline + indent, StringComparison.Ordinal);
    }

    private JsonNode? ToNode(JsoncNode node) =>
        JsonNode.Parse(_text.AsSpan(node.Start, node.End - node.Start).ToString(), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });

    private static JsoncException NotAnObject(IReadOnlyList<string> path, int level, JsoncNode value) =>
        new($"\"{string.Join("\" → \"", path.Take(level + 1))}\" must be an object to hold our entry, but it is {Describe(value)}", 1, 1);

    private static string Describe(JsoncNode node) => node switch
    {
        JsoncArray => "an array",
        _ => "a plain value",
    };

    private int SkipWhitespaceBackwards(int position)
    {
        while (position > 0 && _text[position - 1] is ' ' or '\t' or '\r' or '\n')
        {
            position--;
        }

        return position;
    }

    private int LineStart(int position)
    {
        var newline = position == 0 ? -1 : _text.LastIndexOf('\n', position - 1);
        return newline + 1;
    }

    private string LineIndent(int position)
    {
        var start = LineStart(position);
        var end = start;
        while (end < _text.Length && _text[end] is ' ' or '\t')
        {
            end++;
        }

        return _text[start..end];
    }

    private bool IsFirstOnLine(int position) => LineStart(position) + LineIndent(position).Length == position;

    // The indent of the first indented line: a tab, or that many spaces; two spaces when nothing is indented.
    private static string DetectIndentUnit(string text)
    {
        for (var i = text.IndexOf('\n'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
        {
            var start = i + 1;
            if (text[start] == '\t')
            {
                return "\t";
            }

            var end = start;
            while (end < text.Length && text[end] == ' ')
            {
                end++;
            }

            if (end > start && end < text.Length && text[end] is not ('\r' or '\n'))
            {
                return new string(' ', Math.Min(end - start, 8));
            }
        }

        return "  ";
    }
}
