using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;
using K = SkillHost.Analysis.Languages.Python.PythonTokenKind;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY007: a debug/info log call inside a loop whose message is formatted before the logger checks its level.</summary>
public sealed class EagerLogFormattingInLoop : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY007",
        "python/logging-in-loop",
        nameof(EagerLogFormattingInLoop),
        SourceLanguage.Python,
        WhatItDoes: "Flags `logger.debug(...)` / `logger.info(...)` (and `logging.debug`, `log.log(logging.DEBUG, ...)`) inside a loop when the message is an f-string, a `%` expression or a `.format(...)` call, and no enclosing `if` checks the level (`isEnabledFor`, or a flag computed from it).",
        WhyBad: "The message is formatted on every iteration before the logger decides to drop it; debug and info are usually off in production, so the formatting is pure waste on the hot path.",
        Example: "for line in lines:\n    line.price = price_table[line.sku]\n    logger.debug(f\"repriced {line.sku} to {line.price}\")",
        UseInstead: "verbose = logger.isEnabledFor(logging.DEBUG)\nfor line in lines:\n    line.price = price_table[line.sku]\n    if verbose:\n        logger.debug(\"repriced %s to %s\", line.sku, line.price)",
        CostOperation: "Python function call overhead");

    private static readonly HashSet<string> QuietLevels = new(StringComparer.Ordinal) { "debug", "info" };

    public override RuleDescriptor Descriptor => Info;

    public override void Analyze(RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (PythonCode.IsTestFile(context.Tree))
        {
            return;
        }

        foreach (var call in context.Nodes<CallNode>())
        {
            if (!call.IsMethodCall || call.ReceiverSpan is not { } receiverSpan || PythonCode.InnermostLoop(call) is not { } loop)
            {
                continue;
            }

            if (MessageArgument(context, call) is not { } message || message.Shape is not (ExpressionShape.FormattedString or ExpressionShape.StringFormatting))
            {
                continue;
            }

            var receiver = context.TextOf(receiverSpan).Trim();
            if (!IsLogger(call, receiver) || IsGuarded(context, call))
            {
                continue;
            }

            var level = call.Name == "log" ? "the given level" : call.Name.ToUpperInvariant();
            var how = message.Shape == ExpressionShape.FormattedString ? "an f-string" : "a formatted string";
            context.Report(
                call,
                $"`{receiver}.{call.Name}(…)` builds its message with {how} on every iteration of {PythonCode.DescribeLoop(loop)}, even when {level} logging is off.",
                $"Pass the values as arguments (`{receiver}.{call.Name}(\"… %s\", value)`) so formatting happens only for emitted records, and check the level once before the loop: `verbose = {receiver}.isEnabledFor(logging.{(call.Name == "log" ? "DEBUG" : call.Name.ToUpperInvariant())})`, then `if verbose:` around the call — or log one summary line after the loop.",
                call.Name == "debug" || call.Name == "log" ? Confidence.High : Confidence.Medium,
                "Skipping the formatting (and the call) when the level is off removes the per-iteration string work.",
                edits: message.Shape == ExpressionShape.FormattedString && IsLastPositional(call, message)
                    && LazyLogArguments.Rewrite(context.Tree.Source, PythonCode.Tokens(context.Tree), message.Span) is { } lazy ? [lazy] : null);
        }
    }

    // Arguments after an f-string message would be %-formatted into it by logging: leave such a call as it is.
    private static bool IsLastPositional(CallNode call, Argument message) =>
        !call.Arguments.Any(a => a.Name is null && a.Span.Start > message.Span.Start);

    private static Argument? MessageArgument(RuleContext context, CallNode call)
    {
        var positional = call.Arguments.Where(a => a.Name is null && !a.IsUnpacked).ToList();
        if (QuietLevels.Contains(call.Name))
        {
            return positional.Count > 0 ? positional[0] : null;
        }

        if (call.Name == "log" && positional.Count >= 2)
        {
            var level = context.TextOf(positional[0].Span);
            return level.Contains("DEBUG", StringComparison.Ordinal) || level.Contains("INFO", StringComparison.Ordinal) ? positional[1] : null;
        }

        return null;
    }

    private static bool IsLogger(CallNode call, string receiver)
    {
        var last = receiver[(receiver.LastIndexOf('.') + 1)..].TrimStart('_').ToLowerInvariant();
        if (last is "logging" or "log" or "logger" or "lgr" || last.EndsWith("logger", StringComparison.Ordinal) || last.EndsWith("_log", StringComparison.Ordinal))
        {
            return true;
        }

        // A name bound to logging.getLogger(...) or a LoggerAdapter.
        return PythonCode.IsDottedName(receiver) && !receiver.Contains('.', StringComparison.Ordinal)
            && PythonCode.NearestBindings(call, receiver).Any(b => b.Assignment?.ValueCallee is { } callee
                && (callee.EndsWith("getLogger", StringComparison.Ordinal) || callee.EndsWith("LoggerAdapter", StringComparison.Ordinal)));
    }

    // An enclosing `if` whose condition checks the level, directly or through a flag set from
    // isEnabledFor/getEffectiveLevel, or a plain debug/verbose flag.
    private static readonly string[] LevelWords = ["level", "debug", "verbose", "trace"];

    private static bool IsLevelWord(string word) =>
        word is "isEnabledFor" or "getEffectiveLevel" || LevelWords.Any(w => word.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> ConditionWords(SyntaxTree tree, TextSpan span)
    {
        var tokens = PythonCode.Tokens(tree);
        for (var i = PythonCode.FirstTokenAtOrAfter(tokens, span.Start); i < tokens.Count && tokens[i].End <= span.End; i++)
        {
            if (tokens[i].Kind is K.Name or K.StringLiteral or K.FStringMiddle)
            {
                yield return tree.Source.Text.Substring(tokens[i].Start, tokens[i].Length);
            }
        }
    }

    private static bool IsGuarded(RuleContext context, CallNode call)
    {
        foreach (var conditional in call.Ancestors().OfType<ConditionalNode>())
        {
            if (!conditional.BodySpan.Contains(call.Span))
            {
                continue;
            }

            // The condition's own words (names, attributes, string literals: `logger.isEnabledFor(DEBUG)`, `self.verbose`,
            // `mode == "debug"`), read from its tokens, or a name bound to a level check (`enabled = log.isEnabledFor(…)`).
            if (ConditionWords(context.Tree, conditional.ConditionSpan).Any(IsLevelWord))
            {
                return true;
            }

            foreach (var name in PythonCode.NamesIn(context.Tree, conditional.ConditionSpan))
            {
                if (PythonCode.NearestBindings(call, name).Any(b => b.Assignment is { } assignment
                    && assignment.Descendants<CallNode>().Any(c => c.Name is "isEnabledFor" or "getEffectiveLevel")))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
