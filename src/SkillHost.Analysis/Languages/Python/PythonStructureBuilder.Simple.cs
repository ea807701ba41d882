using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Languages.Python;

/// <summary>Simple statements: assignments (plain, chained, augmented, annotated), imports, expression statements.</summary>
internal sealed partial class PythonStructureBuilder
{
    private int SimpleStatement(int s, int e)
    {
        // StatementEnd found the assignment operators on its way when the ranges agree.
        var facts = _statement.Start == s && _statement.End == e ? _statement : ScanOperators(s, e);
        var lastEqual = facts.LastEqual;
        var augmented = facts.Augmented;
        var annotation = facts.Annotation;

        if (augmented < 0 && lastEqual < 0 && annotation < 0)
        {
            ScanRange(s, e);
            return e;
        }

        var slot = Reserve();
        var targets = _scratchTargets;
        targets.Clear();
        string op;
        string? typeAnnotation = null;
        var valueStart = -1;
        var targetStart = s;
        if (_tok[s].Kind == K.Name && s + 1 < e && _tok[s + 1].Kind == K.Name && _text.AsSpan(_tok[s].Start, _tok[s].Length) is "type")
        {
            targetStart = s + 1; // `type Alias = ...` (3.12)
        }

        if (augmented >= 0)
        {
            op = _names.Intern(_text.AsSpan(_tok[augmented].Start, _tok[augmented].Length));
            CollectTargets(targetStart, augmented, targets);
            ScanRange(s, augmented);
            valueStart = augmented + 1;
        }
        else if (annotation >= 0)
        {
            CollectTargets(targetStart, annotation, targets);
            ScanRange(s, annotation, target: true);
            var annotationEnd = lastEqual >= 0 ? lastEqual : e;
            typeAnnotation = TextOf(annotation + 1, annotationEnd);
            op = lastEqual >= 0 ? "=" : ":";
            valueStart = lastEqual >= 0 ? lastEqual + 1 : -1;
        }
        else
        {
            op = "=";
            var a = targetStart;
            for (var j = targetStart; j < lastEqual; j = Next(j, lastEqual))
            {
                if (_tok[j].Kind == K.Equal)
                {
                    CollectTargets(a, j, targets);
                    ScanRange(a, j, target: true);
                    a = j + 1;
                }
            }

            CollectTargets(a, lastEqual, targets);
            ScanRange(a, lastEqual, target: true);
            valueStart = lastEqual + 1;
        }

        var shape = ExpressionShape.Other;
        string? callee = null;
        TextSpan? valueSpan = null;
        if (valueStart >= 0 && valueStart < e)
        {
            valueSpan = SpanOf(valueStart, e);
            shape = ShapeOf(valueStart, e, out var callOpen, out var chainStart);
            if (shape == ExpressionShape.Call && callOpen > 0)
            {
                callee = CalleeOf(chainStart, callOpen).Callee;
            }

            ScanRange(valueStart, e);
        }

        string[] targetArray = targets.Count == 0 ? [] : [.. targets];
        Fill(slot, new AssignmentNode(SpanOf(s, e))
        {
            Targets = targetArray,
            Operator = op,
            TypeAnnotation = typeAnnotation,
            ValueSpan = valueSpan,
            ValueShape = shape,
            ValueCallee = callee,
        });
        RecordFields(targetArray, typeAnnotation, SpanOf(s, e));
        return e;
    }

    /// <summary>Where a statement's top-level assignment operators are (-1 when absent).</summary>
    private struct StatementFacts
    {
        public int Start;
        public int End;
        public int LastEqual;
        public int Augmented;
        public int Annotation;
    }

    /// <summary>
    /// One top-level pass to the end of the logical line part, noting '=' (the last one), an augmented
    /// operator and an annotation colon; a lambda's defaults are not assignments.
    /// </summary>
    private StatementFacts ScanOperators(int s, int limit)
    {
        var facts = new StatementFacts { Start = s, LastEqual = -1, Augmented = -1, Annotation = -1 };
        var recording = true;
        var keyword = _tok[s].IsKeyword;
        var j = s;
        for (; j < limit; j = Next(j, limit))
        {
            var kind = _tok[j].Kind;
            if (kind is K.Newline or K.Semicolon or K.EndOfFile or K.Indent or K.Dedent)
            {
                break;
            }

            if (!recording)
            {
                continue;
            }

            if (kind == K.Equal)
            {
                facts.LastEqual = j;
            }
            else if (kind is >= K.PlusEqual and <= K.DoubleStarEqual or K.DoubleSlashEqual or K.AtEqual)
            {
                facts.Augmented = j;
                recording = false;
            }
            else if (kind == K.Colon && facts.Annotation < 0 && facts.LastEqual < 0 && !keyword)
            {
                facts.Annotation = j;
            }
            else if (kind == K.LambdaKeyword)
            {
                recording = false;
            }
        }

        facts.End = j;
        return facts;
    }

    /// <summary>Class-level names, and <c>self.x</c> targets inside <c>__init__</c>, become fields of the class.</summary>
    private void RecordFields(string[] targets, string? type, TextSpan span)
    {
        var scope = EnclosingScope();
        if (scope is null || targets.Length == 0)
        {
            return;
        }

        if (scope.Kind == BlockKind.Class)
        {
            foreach (var target in targets)
            {
                if (!target.Contains('.', StringComparison.Ordinal))
                {
                    scope.AddField(new FieldInfo(target, type, span, VisibilityOf(target)));
                }
            }
        }
        else if (scope.Name == "__init__" && scope.IsMethod && EnclosingClassOf(scope) is { } owner)
        {
            var self = scope.Parameters.Count > 0 ? scope.Parameters[0].Name : "self";
            foreach (var target in targets)
            {
                var dot = target.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && dot == self.Length && target.StartsWith(self, StringComparison.Ordinal) && target.IndexOf('.', dot + 1) < 0)
                {
                    var field = target[(dot + 1)..];
                    owner.AddField(new FieldInfo(field, type, span, VisibilityOf(field)));
                }
            }
        }
    }

    /// <summary>Names and dotted attribute targets (<c>self.x</c>) bound by a target list; subscripts bind nothing by name.</summary>
    private void CollectTargets(int lo, int hi, List<string> targets, int nesting = 0)
    {
        for (var a = lo; a < hi;)
        {
            var b = a;
            while (b < hi && _tok[b].Kind != K.Comma)
            {
                b = Next(b, hi);
            }

            var first = a;
            if (first < b && _tok[first].Kind == K.Star)
            {
                first++;
            }

            if (first < b)
            {
                var kind = _tok[first].Kind;
                if (kind is K.LeftParen or K.LeftBracket && _match[first] == b - 1 && nesting < 32)
                {
                    CollectTargets(first + 1, b - 1, targets, nesting + 1);
                }
                else if (kind == K.Name && IsDottedChain(first, b))
                {
                    targets.Add(ChainText(first, b - 1));
                }
            }

            a = b + 1;
        }
    }

    private bool IsDottedChain(int first, int end)
    {
        if ((end - first) % 2 == 0)
        {
            return false;
        }

        for (var j = first; j < end; j += 2)
        {
            if (_tok[j].Kind != K.Name || (j + 1 < end && _tok[j + 1].Kind != K.Dot))
            {
                return false;
            }
        }

        return true;
    }

    private void ImportStatement(int s, int e)
    {
        var names = new List<ImportedName>();
        string? module = null;
        var p = s + 1;
        if (_tok[s].Kind == K.FromKeyword)
        {
            var moduleStart = p;
            while (p < e && _tok[p].Kind is K.Dot or K.Ellipsis or K.Name)
            {
                p++;
            }

            module = p > moduleStart ? ChainText(moduleStart, p - 1) : "";
            if (p < e && _tok[p].Kind == K.ImportKeyword)
            {
                p++;
            }

            var hi = e;
            if (p < e && _tok[p].Kind == K.LeftParen)
            {
                hi = ContentEnd(p, e);
                p++;
            }

            ImportList(p, hi, fromImport: true, names);
        }
        else
        {
            ImportList(p, e, fromImport: false, names);
        }

        AddNode(new ImportNode(SpanOf(s, e)) { Module = module, Names = [.. names] });
    }

    private void ImportList(int lo, int hi, bool fromImport, List<ImportedName> names)
    {
        for (var a = lo; a < hi;)
        {
            var b = a;
            var asIndex = -1;
            while (b < hi && _tok[b].Kind != K.Comma)
            {
                if (_tok[b].Kind == K.AsKeyword)
                {
                    asIndex = b;
                }

                b++;
            }

            var nameEnd = asIndex < 0 ? b : asIndex;
            if (nameEnd > a)
            {
                var name = _tok[a].Kind == K.Star ? "*" : ChainText(a, nameEnd - 1);
                var alias = asIndex >= 0 && asIndex + 1 < b ? NameOf(asIndex + 1) : null;
                var bound = alias ?? (fromImport ? name : NameOf(a));
                names.Add(new ImportedName(name, alias, bound));
            }

            a = b + 1;
        }
    }
}
