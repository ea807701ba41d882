using System.Diagnostics;

namespace SkillHost.Installer.Jsonc;

/// <summary>A JSON value in a JSONC text, known by the span of text it covers: <c>[Start, End)</c>.</summary>
internal abstract class JsoncNode(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;
}

/// <summary>A string, number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
[DebuggerDisplay("Scalar {Start}..{End}")]
internal sealed class JsoncScalar(int start, int end) : JsoncNode(start, end);

/// <summary>An array; its items matter to nobody here, so only its span is kept.</summary>
[DebuggerDisplay("Array {Start}..{End}")]
internal sealed class JsoncArray(int start, int end) : JsoncNode(start, end);

/// <summary>An object: members in text order, and what lies between them (commas, comments) by position.</summary>
[DebuggerDisplay("Object {Start}..{End}, {Members.Count} members")]
internal sealed class JsoncObject(int start, int end, IReadOnlyList<JsoncMember> members) : JsoncNode(start, end)
{
    public IReadOnlyList<JsoncMember> Members { get; } = members;

    /// <summary>The last member named <paramref name="name"/>: with duplicate keys, JSON.parse and System.Text.Json keep the last.</summary>
    public JsoncMember? Find(string name)
    {
        for (var i = Members.Count - 1; i >= 0; i--)
        {
            if (Members[i].Name == name)
            {
                return Members[i];
            }
        }

        return null;
    }
}

/// <summary>
/// <c>"name": value</c>. <see cref="CommaAfter"/> is the position of the comma that follows the value, or -1.
/// </summary>
[DebuggerDisplay("Member {Name}")]
internal sealed record JsoncMember(string Name, int KeyStart, JsoncNode Value, int CommaAfter);
