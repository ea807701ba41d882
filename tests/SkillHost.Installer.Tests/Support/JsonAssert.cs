using System.Text.Json;

namespace SkillHost.Installer.Tests.Support;

internal static class JsonAssert
{
    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Both texts hold the same JSON value (comments and formatting aside; duplicate keys compared in order).</summary>
    public static void SameValue(string expected, string actual)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            Assert.True(string.IsNullOrWhiteSpace(actual) || actual.Trim() is "{}" or "{\n}", $"expected no content, got: {actual}");
            return;
        }

        using var left = JsonDocument.Parse(expected, Lenient);
        using var right = JsonDocument.Parse(actual, Lenient);
        Assert.True(JsonElement.DeepEquals(left.RootElement, right.RootElement), $"JSON differs.\nexpected:\n{expected}\nactual:\n{actual}");
    }

    /// <summary>Every character of <paramref name="original"/> is still in <paramref name="edited"/>, in order: only insertions happened.</summary>
    public static void OnlyInserted(string original, string edited)
    {
        var j = 0;
        for (var i = 0; i < original.Length; i++)
        {
            while (j < edited.Length && edited[j] != original[i])
            {
                j++;
            }

            Assert.True(j < edited.Length, $"The edit lost the user's text at offset {i}: '{original[i..Math.Min(original.Length, i + 40)]}'");
            j++;
        }
    }
}
