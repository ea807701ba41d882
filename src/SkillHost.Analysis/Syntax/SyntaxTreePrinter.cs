using System.Globalization;
using System.Text;

namespace SkillHost.Analysis.Syntax;

/// <summary>Renders a tree as indented text, one node per line, for golden files and debugging.</summary>
public static class SyntaxTreePrinter
{
    public static string Print(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var builder = new StringBuilder();
        Append(builder, tree.Root, 0);
        foreach (var diagnostic in tree.Diagnostics)
        {
            builder.Append("! ").Append(diagnostic.Format(tree.Source)).Append('\n');
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, SyntaxNode root, int rootDepth)
    {
        // Iterative so a pathological tree cannot overflow the stack while printing.
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, rootDepth));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            var at = node.Tree.Source.GetLinePosition(node.Span.Start);
            builder.Append(' ', depth * 2)
                .Append(node.Kind)
                .Append(' ')
                .Append(at.Line.ToString(CultureInfo.InvariantCulture)).Append(':').Append(at.Column.ToString(CultureInfo.InvariantCulture))
                .Append(' ').Append(node.Span.ToString());
            var details = Describe(node);
            if (details.Length > 0)
            {
                builder.Append(' ').Append(details);
            }

            builder.Append('\n');
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], depth + 1));
            }
        }
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        ModuleNode m => Join(m.Name, Attrs(m.Attributes)),
        FunctionNode f => Join(
            f.Name,
            f.IsAsync ? "async" : null,
            f.IsMethod ? "method" : null,
            f.IsGenerator ? "generator" : null,
            f.Visibility.ToString().ToLowerInvariant(),
            "(" + string.Join(", ", f.Parameters.Select(p => p.Name + (p.Type is null ? "" : ": " + p.Type) + (p.ParameterKind == ParameterKind.Normal ? "" : " [" + p.ParameterKind + "]"))) + ")",
            f.ReturnType is null ? null : "-> " + f.ReturnType,
            Attrs(f.Attributes),
            f.HasBody ? null : "no-body"),
        TypeDeclNode t => Join(
            t.TypeKind.ToString().ToLowerInvariant(),
            t.Name,
            t.Bases.Count > 0 ? "bases(" + string.Join(", ", t.Bases) + ")" : null,
            t.Fields.Count > 0 ? "fields(" + string.Join(", ", t.Fields.Select(x => x.Name + (x.Type is null ? "" : ": " + x.Type))) + ")" : null,
            Attrs(t.Attributes)),
        ImplNode i => Join(i.Trait is null ? null : i.Trait + " for", i.SelfType, Attrs(i.Attributes)),
        LoopNode l => Join(
            l.LoopKind.ToString().ToLowerInvariant(),
            l.IsAsync ? "async" : null,
            l.Comprehension == ComprehensionKind.None ? null : l.Comprehension.ToString().ToLowerInvariant(),
            l.Adapter is null ? null : "." + l.Adapter,
            l.Target is null ? null : "target=" + l.Target,
            l.IterableSpan is { } it ? "iter=" + Quote(node.Tree.Source.ToString(it)) : null),
        ClosureNode c => Join(c.IsAsync ? "async" : null, c.IsMove ? "move" : null, "(" + string.Join(", ", c.Parameters.Select(p => p.Name)) + ")"),
        CallNode c => Join(
            c.Callee,
            c.IsMethodCall ? "method" : null,
            c.ReceiverSpan is { } r ? "recv=" + Quote(node.Tree.Source.ToString(r)) : null,
            "args(" + string.Join(", ", c.Arguments.Select(a => (a.Name is null ? "" : a.Name + "=") + a.Shape)) + ")"),
        MacroCallNode m => Join(m.Path + "!", "args(" + string.Join(", ", m.Arguments.Select(a => a.Shape)) + ")"),
        MemberAccessNode m => m.Path,
        AssignmentNode a => Join(
            string.Join(", ", a.Targets),
            a.Operator,
            a.IsMutable ? "mut" : null,
            a.TypeAnnotation is null ? null : ": " + a.TypeAnnotation,
            a.ValueSpan is null ? null : a.ValueShape.ToString(),
            a.ValueCallee),
        AwaitNode a => Quote(node.Tree.Source.ToString(a.ExpressionSpan)),
        ImportNode i => Join(i.Module is null ? null : "from " + i.Module, string.Join(", ", i.Names.Select(n => n.Name + (n.Alias is null ? "" : " as " + n.Alias)))),
        WithNode w => Join(w.IsAsync ? "async" : null, string.Join(", ", w.Items.Select(i => Quote(node.Tree.Source.ToString(i.ExpressionSpan)) + (i.Target is null ? "" : " as " + i.Target)))),
        ConditionalNode c => Quote(node.Tree.Source.ToString(c.ConditionSpan)),
        CollectionLiteralNode c => Join(c.Shape.ToString(), c.IsEmpty ? "empty" : null),
        ComparisonNode c => Join(Quote(node.Tree.Source.ToString(c.LeftSpan)), c.Operator, Quote(node.Tree.Source.ToString(c.RightSpan))),
        _ => "",
    };

    private static string? Attrs(IReadOnlyList<AttributeInfo> attributes) =>
        attributes.Count == 0 ? null : "attrs(" + string.Join(", ", attributes.Select(a => (a.IsInner ? "!" : "") + a.Name + (a.Arguments is null ? "" : "(" + a.Arguments + ")"))) + ")";

    private static string Quote(string text)
    {
        var oneLine = text.ReplaceLineEndings("⏎");
        return "\"" + (oneLine.Length > 60 ? oneLine[..57] + "..." : oneLine) + "\"";
    }

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
