using System.Runtime.CompilerServices;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Hard keywords of Python 3 (async/await included); soft keywords and Python 2's print/exec stay names.</summary>
internal static class Keywords
{
    private static readonly string[] All =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    ];

    private static readonly ushort[] LengthsByFirstChar = BuildLengths();

    private static ushort[] BuildLengths()
    {
        var table = new ushort[128];
        foreach (var keyword in All)
        {
            table[keyword[0]] |= (ushort)(1 << keyword.Length);
        }

        return table;
    }

    /// <summary>Most names are not keywords: a table of (first character, length) pairs rejects them inline, without a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PythonTokenKind Classify(ReadOnlySpan<char> name) =>
        name.Length is < 2 or > 8 || name[0] >= 128 || (LengthsByFirstChar[name[0]] & (1 << name.Length)) == 0 ? K.Name : Match(name);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PythonTokenKind Match(ReadOnlySpan<char> name)
    {
        return name switch
        {
            "False" => K.FalseKeyword,
            "None" => K.NoneKeyword,
            "True" => K.TrueKeyword,
            "and" => K.AndKeyword,
            "as" => K.AsKeyword,
            "assert" => K.AssertKeyword,
            "async" => K.AsyncKeyword,
            "await" => K.AwaitKeyword,
            "break" => K.BreakKeyword,
            "class" => K.ClassKeyword,
            "continue" => K.ContinueKeyword,
            "def" => K.DefKeyword,
            "del" => K.DelKeyword,
            "elif" => K.ElifKeyword,
            "else" => K.ElseKeyword,
            "except" => K.ExceptKeyword,
            "finally" => K.FinallyKeyword,
            "for" => K.ForKeyword,
            "from" => K.FromKeyword,
            "global" => K.GlobalKeyword,
            "if" => K.IfKeyword,
            "import" => K.ImportKeyword,
            "in" => K.InKeyword,
            "is" => K.IsKeyword,
            "lambda" => K.LambdaKeyword,
            "nonlocal" => K.NonlocalKeyword,
            "not" => K.NotKeyword,
            "or" => K.OrKeyword,
            "pass" => K.PassKeyword,
            "raise" => K.RaiseKeyword,
            "return" => K.ReturnKeyword,
            "try" => K.TryKeyword,
            "while" => K.WhileKeyword,
            "with" => K.WithKeyword,
            "yield" => K.YieldKeyword,
            _ => K.Name,
        };
    }
}
