using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Statements: the logical-line loop, the block stack and the simple statements.</summary>
internal sealed partial class PythonStructureBuilder
{
    private readonly List<BlockEntry> _blocks = [];
    private readonly Stack<BlockEntry> _freeBlocks = new();
    private readonly List<string> _scratchTargets = [];
    private readonly List<BlockEntry> _scopes = [];
    private StatementFacts _statement;
    private readonly List<AttributeInfo> _decorators = [];
    private int _decoratorStart = -1;
    private int _depth;
    private int _lastEnd;

    private void BuildStatements()
    {
        var i = 0;
        var steps = 0;
        while (i < _n)
        {
            // Coarse: a statement costs its length (the walks are linear), so every 4096 steps is a few milliseconds at most.
            if ((++steps & 4095) == 0)
            {
                _cancellation.ThrowIfCancellationRequested();
            }

            switch (_tok[i].Kind)
            {
                case K.Newline:
                    CloseInlineBlocks();
                    i++;
                    continue;
                case K.Indent:
                    _depth++;
                    if (_blocks.Count > 0 && _blocks[^1].AwaitingIndent)
                    {
                        _blocks[^1].AwaitingIndent = false;
                        _blocks[^1].BodyStart = _tok[i].End;
                    }

                    i++;
                    continue;
                case K.Dedent:
                    _depth--;
                    CloseBlocksDeeperThan(_depth);
                    i++;
                    continue;
                case K.Semicolon:
                    i++;
                    continue;
                case K.EndOfFile:
                    i = _n;
                    continue;
                default:
                    break;
            }

            if (_blocks.Count > 0 && _blocks[^1].AwaitingIndent)
            {
                CloseBlock();
            }

            i = Statement(i);
        }

        while (_blocks.Count > 0)
        {
            CloseBlock();
        }
    }

    /// <summary>Processes the statement starting at <paramref name="s"/>; returns where the next one may start.</summary>
    private int Statement(int s)
    {
        var e = StatementEnd(s);
        var kind = _tok[s].Kind;
        if (kind != K.At && _decorators.Count > 0 && kind is not (K.DefKeyword or K.ClassKeyword or K.AsyncKeyword))
        {
            _decorators.Clear();
        }

        int next;
        switch (kind)
        {
            case K.At:
                Decorator(s, e);
                next = e;
                break;
            case K.DefKeyword:
                next = FunctionHeader(s, s, e, isAsync: false);
                break;
            case K.ClassKeyword:
                next = ClassHeader(s, e);
                break;
            case K.AsyncKeyword when s + 1 < e:
                next = _tok[s + 1].Kind switch
                {
                    K.DefKeyword => FunctionHeader(s, s + 1, e, isAsync: true),
                    K.ForKeyword => ForHeader(s, s + 1, e, isAsync: true),
                    K.WithKeyword => WithHeader(s, s + 1, e, isAsync: true),
                    _ => SimpleStatement(s, e),
                };
                break;
            case K.ForKeyword:
                next = ForHeader(s, s, e, isAsync: false);
                break;
            case K.WhileKeyword:
            case K.IfKeyword:
            case K.ElifKeyword:
                next = ConditionHeader(s, e);
                break;
            case K.WithKeyword:
                next = WithHeader(s, s, e, isAsync: false);
                break;
            case K.ElseKeyword or K.TryKeyword or K.FinallyKeyword or K.ExceptKeyword:
                next = HeaderWithoutNode(s, e, scanFrom: kind == K.ExceptKeyword ? s + 1 : -1);
                break;
            case K.ImportKeyword or K.FromKeyword:
                ImportStatement(s, e);
                next = e;
                break;
            case K.GlobalKeyword or K.NonlocalKeyword or K.PassKeyword or K.BreakKeyword or K.ContinueKeyword:
                next = e;
                break;
            case K.ReturnKeyword or K.DelKeyword or K.AssertKeyword or K.RaiseKeyword:
                ScanRange(s + 1, e);
                next = e;
                break;
            case K.Name when IsSoftKeywordHeader(s, e):
                // match subject: / case pattern: (patterns are not expressions: `Point(x=0)` is no call).
                next = HeaderWithoutNode(s, e, scanFrom: _text[_tok[s].Start] == 'm' ? s + 1 : -1);
                break;
            default:
                next = SimpleStatement(s, e);
                break;
        }

        if (next > s)
        {
            _lastEnd = Math.Max(_lastEnd, _tok[next - 1].End);
        }

        return next > s ? next : s + 1;
    }

    /// <summary>The end (exclusive) of the logical line part starting at <paramref name="s"/>: its NEWLINE or ';'.</summary>
    private int StatementEnd(int s)
    {
        _statement = ScanOperators(s, _n);
        return _statement.End;
    }

    /// <summary>The colon that ends a compound statement header (colons of lambdas skipped), or -1.</summary>
    private int HeaderColon(int s, int e)
    {
        var lambdas = 0;
        for (var j = s; j < e; j = Next(j, e))
        {
            var kind = _tok[j].Kind;
            if (kind == K.LambdaKeyword)
            {
                lambdas++;
            }
            else if (kind == K.Colon)
            {
                if (lambdas == 0)
                {
                    return j;
                }

                lambdas--;
            }
        }

        return -1;
    }

    private bool IsSoftKeywordHeader(int s, int e)
    {
        var token = _tok[s];
        var name = _text.AsSpan(token.Start, token.Length);
        if (!(name is "match" or "case") || e - s < 3 || _tok[e - 1].Kind != K.Colon)
        {
            return false;
        }

        // `match = x:` cannot end with a colon; `match(x):` and `match x:` are both statements.
        return _tok[s + 1].Kind is not (K.Equal or K.Dot or K.Comma) && HeaderColon(s, e) == e - 1;
    }

    /// <summary>Opens the body of a compound statement whose header colon is <paramref name="colon"/>.</summary>
    private int OpenBlock(BlockEntry? entry, int colon, int e)
    {
        if (entry is not null)
        {
            entry.HeaderEnd = _tok[colon].End;
            entry.BodyDepth = _depth + 1;
            PushBlock(entry);
        }

        _lastEnd = Math.Max(_lastEnd, _tok[colon].End);
        if (colon + 1 < e)
        {
            // The body follows on the same line and ends with it.
            if (entry is not null)
            {
                entry.Inline = true;
                entry.BodyStart = _tok[colon + 1].Start;
            }

            return colon + 1;
        }

        if (entry is not null)
        {
            entry.AwaitingIndent = true;
            entry.BodyStart = _tok[colon].End;
        }

        return e;
    }

    private int HeaderWithoutNode(int s, int e, int scanFrom)
    {
        var colon = HeaderColon(s, e);
        if (colon < 0)
        {
            return SimpleStatement(s, e);
        }

        if (scanFrom >= 0)
        {
            ScanRange(scanFrom, colon);
        }

        return OpenBlock(null, colon, e);
    }

    private void CloseInlineBlocks()
    {
        while (_blocks.Count > 0 && _blocks[^1].Inline)
        {
            CloseBlock();
        }
    }

    private void CloseBlocksDeeperThan(int depth)
    {
        while (_blocks.Count > 0 && (_blocks[^1].BodyDepth > depth || _blocks[^1].Inline))
        {
            CloseBlock();
        }
    }

    private void PushBlock(BlockEntry entry)
    {
        _blocks.Add(entry);
        if (entry.Kind is BlockKind.Function or BlockKind.Class)
        {
            _scopes.Add(entry);
        }
    }

    private void CloseBlock()
    {
        var entry = _blocks[^1];
        _blocks.RemoveAt(_blocks.Count - 1);
        if (_scopes.Count > 0 && _scopes[^1] == entry)
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
        if (entry.AwaitingIndent)
        {
            Report("PY-SYN-001", "expected an indented block", new TextSpan(entry.HeaderEnd, 0));
        }

        var end = Math.Max(_lastEnd, entry.HeaderEnd);
        var span = TextSpan.FromBounds(entry.Start, end);
        var body = TextSpan.FromBounds(Math.Min(entry.BodyStart, end), end);
        SyntaxNode node = entry.Kind switch
        {
            BlockKind.Function => new FunctionNode(span)
            {
                Name = entry.Name,
                NameSpan = entry.NameSpan,
                IsAsync = entry.IsAsync,
                Attributes = entry.Attributes,
                Parameters = entry.Parameters,
                ReturnType = entry.ReturnType,
                Visibility = VisibilityOf(entry.Name),
                IsMethod = entry.IsMethod,
                BodySpan = body,
                IsGenerator = entry.IsGenerator,
            },
            BlockKind.Class => new TypeDeclNode(span)
            {
                Name = entry.Name,
                TypeKind = TypeDeclKind.Class,
                Attributes = entry.Attributes,
                Bases = entry.Bases,
                Fields = entry.Fields is null ? [] : [.. entry.Fields],
                Visibility = VisibilityOf(entry.Name),
                BodySpan = body,
            },
            BlockKind.Loop => new LoopNode(span)
            {
                LoopKind = entry.LoopKind,
                IsAsync = entry.IsAsync,
                Target = entry.Target,
                IterableSpan = entry.IterableSpan,
            },
            BlockKind.Conditional => new ConditionalNode(span) { ConditionSpan = entry.ConditionSpan, BodySpan = body },
            _ => new WithNode(span) { IsAsync = entry.IsAsync, Items = entry.WithItems, BodySpan = body },
        };
        Fill(entry.Slot, node);
        entry.Reset();
        _freeBlocks.Push(entry);
    }

    private BlockEntry NewBlock(BlockKind kind, int start)
    {
        var entry = _freeBlocks.Count > 0 ? _freeBlocks.Pop() : new BlockEntry();
        entry.Kind = kind;
        entry.Slot = Reserve();
        entry.Start = start;
        return entry;
    }

    private static Visibility VisibilityOf(string name) => name.StartsWith('_') ? Visibility.Private : Visibility.Public;

    /// <summary>The innermost enclosing def or class, or null at module level (kept on its own stack: O(1) at any depth).</summary>
    private BlockEntry? EnclosingScope() => _scopes.Count > 0 ? _scopes[^1] : null;

    /// <summary>The class whose body directly holds <paramref name="function"/> (the innermost scope), or null.</summary>
    private BlockEntry? EnclosingClassOf(BlockEntry function) =>
        _scopes.Count > 1 && _scopes[^1] == function && _scopes[^2].Kind == BlockKind.Class ? _scopes[^2] : null;

    private void MarkGenerator()
    {
        if (EnclosingScope() is { Kind: BlockKind.Function } function)
        {
            function.IsGenerator = true;
        }
    }
}
