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
        WhatItDoes: "Flags a `let msg = format!(…)` (or `.to_string()`) in a loop that is only ever logged by `debug!`/`info!`/`trace!`/`warn!`/`error!` (`log::` or `tracing::`): it is built on every pass whatever the level. Inside the macro's own arguments `log` and `tracing` evaluate nothing unless the level is on, so a `format!(…)`, `.to_string()` or `.clone()` there is flagged only for levels that are on in production (`info`, `warn`, `error`), at low confidence: it costs an extra `String` per logged line, not per pass.",
        WhyBad: "A message bound before the macro is formatted and allocated on every iteration even when the level is off. An owned value built inside the macro's arguments is formatted twice when the level is on.",
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
                // `log` and `tracing` put the arguments behind their level check: with `debug`/`trace` off nothing is built.
                if (!eager || !macro.Arguments.Any(a => a.Span.Contains(child.Span)) || macro.Name is "debug" or "trace")
                {
                    continue;
                }

                context.Report(
                    child,
                    $"`{RustCode.Short(context.TextOf(child.Span))}` builds an owned value that `{macro.Path}!` then formats again, on every pass that logs",
                    $"pass the parts to the macro and let it format them once: `{macro.Path}!(\"…{{}}…\", x)` with borrowed arguments (`format_args!` is fine)",
                    Rules.Confidence.Low,
                    "Removes an allocation and a second formatting pass per logged line.");
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
