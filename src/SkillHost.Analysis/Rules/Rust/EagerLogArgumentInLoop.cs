using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Rust;

/// <summary>RS010: a log macro in a loop whose argument is built eagerly (<c>format!</c>, <c>to_string()</c>, <c>clone()</c>), or a <c>String</c> built only to be logged.</summary>
public sealed class EagerLogArgumentInLoop : Rule
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "trace", "debug", "info", "warn", "error" };

    private static readonly HashSet<string> EagerMethods = new(StringComparer.Ordinal)
    {
        "to_string", "to_owned", "clone", "join", "to_vec", "to_lowercase", "to_uppercase", "concat", "repeat",
    };

    public static RuleDescriptor Info { get; } = new(
        "RS010",
        "rust/logging-in-loop",
        nameof(EagerLogArgumentInLoop),
        SourceLanguage.Rust,
        WhatItDoes: "Flags `debug!`/`info!`/`trace!`/`warn!`/`error!` (`log::` or `tracing::`) inside a loop whose arguments are built before the macro runs — `format!(…)`, `.to_string()`, `.clone()`, `.join(…)` — and a `let msg = format!(…)` in a loop that is only ever logged. A plain `debug!(\"{x}\")` is not flagged: the macro checks the level before formatting.",
        WhyBad: "The level check happens inside the macro, after the arguments were evaluated: the eager `String` is allocated and formatted on every iteration even when the level is off, and formatted twice when it is on.",
        Example: "for order in orders {\n    let summary = format!(\"{} x{}\", order.sku, order.quantity);\n    log::debug!(\"settling {}\", summary);\n}",
        UseInstead: "for order in orders {\n    log::debug!(\"settling {} x{}\", order.sku, order.quantity);\n}",
        CostOperation: "Small String allocation");

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = RustTokens.Of(context.Tree);
        foreach (var macro in context.Nodes<MacroCallNode>())
        {
            if (!IsLogMacro(macro) || !macro.IsHot(context) || macro.IsTestCode())
            {
                continue;
            }

            foreach (var child in macro.Children)
            {
                var eager = child switch
                {
                    MacroCallNode { Name: "format" } => true,
                    CallNode { IsMethodCall: true } call when EagerMethods.Contains(call.Name) => true,
                    CallNode { Callee: "String::from" or "format" } => true,
                    _ => false,
                };
                if (!eager || !macro.Arguments.Any(a => a.Span.Contains(child.Span)))
                {
                    continue;
                }

                context.Report(
                    child,
                    $"`{RustCode.Short(context.TextOf(child.Span))}` builds a value for `{macro.Path}!` on every pass, even when the {macro.Name} level is off",
                    $"pass the parts to the macro and let it format lazily: `{macro.Path}!(\"…{{}}…\", x)` with borrowed arguments (`format_args!` is fine)",
                    Confidence(macro),
                    "Removes an allocation and a formatting pass per iteration when the level is off, and a double format when it is on.");
            }
        }

        foreach (var let in context.Nodes<AssignmentNode>())
        {
            if (let is not { Operator: "let", Targets: [var name], ValueSpan: { } value } || let.Children.FirstOrDefault(c => c.Span == value) is not { } built
                || !(built is MacroCallNode { Name: "format" } || built is CallNode { IsMethodCall: true, Name: "to_string" }) || !let.IsHot(context) || let.IsTestCode())
            {
                continue;
            }

            var uses = BindingUses.Find(context.Tree, name, let.Span.End, tokens.EnclosingBlockEnd(let.Span.Start));
            var logs = context.Nodes<MacroCallNode>().Where(IsLogMacro).ToList();
            var loggedIn = uses.Select(u => logs.LastOrDefault(m => m.ArgumentsSpan.Contains(u.Position))).ToList();
            if (uses.Count == 0 || loggedIn.Any(m => m is null) || !uses.All(u => u.Kind is UseKind.FormatArgument or UseKind.Borrow))
            {
                continue;
            }

            var first = loggedIn[0]!;
            context.Report(
                built,
                $"`{name}` is formatted on every pass only to be logged by `{first.Path}!`, even when the {first.Name} level is off",
                $"drop `{name}` and put its format string and arguments into the `{first.Path}!` call itself",
                Confidence(first),
                "Removes an allocation and a formatting pass per iteration when the level is off.");
        }
    }

    private static bool IsLogMacro(MacroCallNode macro) =>
        Levels.Contains(macro.Name) && (macro.Path == macro.Name || macro.Path == "log::" + macro.Name || macro.Path == "tracing::" + macro.Name || macro.Path == "::log::" + macro.Name);

    // The macros skip disabled levels; debug and trace are off in production, so their eager arguments are pure waste.
    private static Confidence Confidence(MacroCallNode macro) => macro.Name is "debug" or "trace" ? Rules.Confidence.High : Rules.Confidence.Medium;
}
