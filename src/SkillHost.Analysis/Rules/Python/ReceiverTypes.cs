using SkillHost.Analysis.Syntax;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>
/// The type of a method call's receiver when the code states it: a parameter's annotation (<c>client: httpx.Client | None</c>),
/// an annotated or constructed local (<c>f = open(p)</c>, <c>c: httpx.Client = …</c>, <c>g = f</c>), a <c>with … as</c>
/// target, a module global bound once, or <c>self.x</c> declared or assigned in the class. Qualified through the imports
/// (<see cref="QualifiedNames"/>). Null when the bindings disagree or say nothing: the rules then stay silent.
/// </summary>
internal static class ReceiverTypes
{
    public static string? Of(CallNode call, string receiver) => Of(call, receiver, depth: 0);

    private static string? Of(SyntaxNode at, string receiver, int depth)
    {
        if (depth > 3)
        {
            return null;
        }

        var dot = receiver.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return PythonCode.IsDottedName(receiver) ? OfName(at, receiver, depth) : null;
        }

        return receiver.IndexOf('.', dot + 1) < 0 && at.EnclosingFunction() is { IsMethod: true, Parameters: [{ } self, ..] } method
            && receiver[..dot] == self.Name && PythonCode.IsDottedName(receiver[(dot + 1)..])
            ? OfField(method, receiver[(dot + 1)..], depth)
            : null;
    }

    private static string? OfName(SyntaxNode at, string name, int depth)
    {
        // `with open(p) as f:` / `with httpx.Client() as c:` around the call.
        foreach (var with in at.Ancestors().TakeWhile(a => a is not FunctionNode).OfType<WithNode>())
        {
            foreach (var item in with.Items)
            {
                if (item.Target?.Trim() == name && with.BodySpan.Contains(at.Span))
                {
                    return CallAt(with, item.ExpressionSpan) is { } made ? BlockingCalls.ConstructedType(made) : null;
                }
            }
        }

        var bindings = PythonCode.NearestBindings(at, name);
        if (bindings.Count == 0)
        {
            return null;
        }

        // In the call's own function, the binding that reaches it in file order; a binding in an enclosing scope (a module
        // global) may run before or after the call, so all of them must agree.
        var own = at.EnclosingFunction();
        var scope = bindings[0].BindingKind == BindingKind.Parameter ? bindings[0].Node : bindings[0].Node.EnclosingFunction();
        if (scope is not null && ReferenceEquals(scope, own))
        {
            var before = bindings.Where(b => b.BindingKind == BindingKind.Parameter || b.Node.Span.End <= at.Span.Start).ToList();
            var last = before.Where(b => b.BindingKind != BindingKind.Parameter).OrderBy(b => b.Node.Span.Start).LastOrDefault()
                ?? before.FirstOrDefault(b => b.BindingKind == BindingKind.Parameter);
            return last is null ? null : TypeOf(last, depth);
        }

        string? agreed = null;
        foreach (var binding in bindings)
        {
            if (TypeOf(binding, depth) is not { } type || agreed is not null && agreed != type)
            {
                return null;
            }

            agreed = type;
        }

        return agreed;
    }

    private static string? TypeOf(Binding binding, int depth) => binding switch
    {
        { BindingKind: BindingKind.Parameter, Parameter: { } parameter } => QualifiedNames.AnnotatedType(binding.Node, parameter.Type),
        { BindingKind: BindingKind.Assignment, Assignment: { Targets.Count: 1 } assignment } => OfAssignment(assignment, depth),
        _ => null,
    };

    private static string? OfAssignment(AssignmentNode assignment, int depth)
    {
        if (assignment.Operator != "=")
        {
            return null;
        }

        if (assignment.TypeAnnotation is { } annotation)
        {
            return QualifiedNames.AnnotatedType(assignment, annotation);
        }

        if (assignment.ValueSpan is not { } value)
        {
            return null;
        }

        if (CallAt(assignment, value) is { } made)
        {
            return BlockingCalls.ConstructedType(made);
        }

        // `f = ff`: the type of the name it copies, where it is copied.
        var text = assignment.Tree.Source.ToString(value).Trim();
        return assignment.ValueShape == ExpressionShape.Name && PythonCode.IsDottedName(text) ? Of(assignment, text, depth + 1) : null;
    }

    private static string? OfField(FunctionNode method, string field, int depth)
    {
        if (method.Ancestors().OfType<TypeDeclNode>().FirstOrDefault() is not { } type)
        {
            return null;
        }

        string? agreed = null;
        foreach (var declared in type.Fields.Where(f => f.Name == field))
        {
            string? found;
            if (declared.Type is { } annotation)
            {
                found = QualifiedNames.AnnotatedType(type, annotation);
            }
            else if (type.Descendants().OfType<AssignmentNode>().FirstOrDefault(a => a.Span.Contains(declared.Span) && a.Targets.Count == 1) is { } assignment)
            {
                if (IsNone(assignment))
                {
                    continue; // `self.client = None` until it is opened
                }

                found = OfAssignment(assignment, depth + 1);
            }
            else
            {
                found = null;
            }

            if (found is null || agreed is not null && agreed != found)
            {
                return null;
            }

            agreed = found;
        }

        return agreed;
    }

    private static bool IsNone(AssignmentNode assignment) =>
        assignment.ValueSpan is { } value && assignment.Tree.Source.ToString(value).Trim() == "None";

    private static CallNode? CallAt(SyntaxNode container, Text.TextSpan span)
    {
        var text = container.Tree.Source;
        foreach (var call in container.Descendants().OfType<CallNode>())
        {
            if (call.Span.Start >= span.Start && call.Span.End <= span.End && text.ToString(TrimmedSpan(text, span)) == text.ToString(call.Span))
            {
                return call;
            }
        }

        return null;
    }

    private static Text.TextSpan TrimmedSpan(Text.SourceText text, Text.TextSpan span)
    {
        var s = text.ToString(span);
        var start = span.Start + (s.Length - s.TrimStart().Length);
        var end = span.End - (s.Length - s.TrimEnd().Length);
        return Text.TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
