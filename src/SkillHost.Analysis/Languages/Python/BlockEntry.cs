using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>What kind of node a compound statement produces once its body ends.</summary>
internal enum BlockKind
{
    Function,
    Class,
    Loop,
    Conditional,
    With,
}

/// <summary>
/// An open compound statement: the header facts gathered so far. Nodes' properties are init-only, so
/// the node itself is created when the body ends (its span and body span are known only then).
/// </summary>
internal sealed class BlockEntry
{
    public BlockKind Kind;
    /// <summary>The place reserved for the node among the collected ones.</summary>
    public int Slot;
    public int Start;
    public int BodyStart;

    /// <summary>The indentation depth of the body; the block closes when a DEDENT goes below it.</summary>
    public int BodyDepth;

    /// <summary>The body is on the header's line (<c>if x: return</c>) and ends with it.</summary>
    public bool Inline;
    public bool AwaitingIndent;
    public int HeaderEnd;

    public string Name = "";
    public TextSpan NameSpan;
    public bool IsAsync;
    public bool IsMethod;
    public bool IsGenerator;
    public IReadOnlyList<AttributeInfo> Attributes = [];
    public IReadOnlyList<Parameter> Parameters = [];
    public string? ReturnType;
    public IReadOnlyList<string> Bases = [];
    public List<FieldInfo>? Fields;

    public LoopKind LoopKind;
    public string? Target;
    public TextSpan? IterableSpan;
    public TextSpan ConditionSpan;
    public IReadOnlyList<WithItem> WithItems = [];

    /// <summary>Forgets the previous block so the entry can be reused (entries are pooled: one per open block).</summary>
    public void Reset()
    {
        Kind = default;
        Slot = Start = BodyStart = BodyDepth = HeaderEnd = 0;
        Inline = AwaitingIndent = IsAsync = IsMethod = IsGenerator = false;
        Name = "";
        NameSpan = default;
        Attributes = [];
        Parameters = [];
        ReturnType = null;
        Bases = [];
        Fields?.Clear();
        LoopKind = default;
        Target = null;
        IterableSpan = null;
        ConditionSpan = default;
        WithItems = [];
    }

    public void AddField(FieldInfo field)
    {
        Fields ??= [];
        foreach (var existing in Fields)
        {
            if (existing.Name == field.Name)
            {
                return;
            }
        }

        Fields.Add(field);
    }
}
