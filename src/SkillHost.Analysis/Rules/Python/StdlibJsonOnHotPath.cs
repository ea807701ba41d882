using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Rules.Python;

/// <summary>PY008: the stdlib <c>json</c> module encoding or decoding per item: in a loop, a per-item function or a request handler.</summary>
public sealed class StdlibJsonOnHotPath : Rule
{
    public static RuleDescriptor Info { get; } = new(
        "PY008",
        "python/stdlib-json",
        nameof(StdlibJsonOnHotPath),
        SourceLanguage.Python,
        WhatItDoes: "Flags `json.loads/dumps/load/dump` (also through an alias or a from-import) where it runs per item: inside a loop, in a function the reviewed code calls from a loop, or in a request handler. One-shot uses (configuration, start-up) stay silent.",
        WhyBad: "The stdlib json module is several times slower than msgspec or orjson and builds untyped dicts that are validated, if at all, by more Python code; on a per-message path that cost is paid for every message.",
        Example: "import json\n\n\ndef record_payments(messages, sink):\n    for raw in messages:\n        event = json.loads(raw)\n        sink.write(event[\"user\"], event[\"amount\"])",
        UseInstead: "import msgspec\n\npayment_decoder = msgspec.json.Decoder(Payment)\n\n\ndef record_payments(messages, sink):\n    for raw in messages:\n        event = payment_decoder.decode(raw)\n        sink.write(event.user, event.amount)",
        CostOperation: "JSON parse with stdlib json, 1 KB",
        TechniqueSection: "Python: typed payloads instead of stdlib `json`");

    private static readonly HashSet<string> JsonFunctions = new(StringComparer.Ordinal) { "loads", "dumps", "load", "dump" };

    private static readonly HashSet<string> HandlerDecorators = new(StringComparer.Ordinal)
    {
        "route", "get", "post", "put", "patch", "delete", "websocket", "api_route", "api_view", "view_config", "endpoint",
    };

    // The project index matches callers by simple name: methods (`obj.tag_resource(…)`) and these
    // names are called in loops somewhere in any large code base, so a match says nothing about this
    // particular function; only module-level functions with other names count as per-item code.
    private static readonly HashSet<string> GenericNames = new(StringComparer.Ordinal) { "main", "run", "setup", "load", "dump", "loads", "dumps", "get", "read", "write", "send", "initialize", "init", "start", "close", "process" };

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
            if (!JsonFunctions.Contains(call.Name) || !IsStdlibJson(call))
            {
                continue;
            }

            var loop = PythonCode.InnermostLoop(call);
            var function = call.EnclosingFunction();
            string where;
            Confidence confidence;
            if (loop is not null)
            {
                where = $"on every iteration of {PythonCode.DescribeLoop(loop)}";
                confidence = Confidence.High;
            }
            else if (function is not null && IsHandler(function))
            {
                where = $"once per request in the handler `{function.Name}`";
                confidence = Confidence.Medium;
            }
            else if (function is { IsMethod: false } && !GenericNames.Contains(function.Name) && !function.Name.StartsWith("__", StringComparison.Ordinal)
                && context.Project.IsCalledInLoop(function.Name))
            {
                where = $"once per item: `{function.Name}` is called from a loop in the reviewed code";
                confidence = Confidence.Medium;
            }
            else
            {
                continue;
            }

            var decoding = call.Name is "loads" or "load";
            context.Report(
                call,
                $"`{call.Callee}(…)` runs the stdlib json {(decoding ? "decoder" : "encoder")} {where}.",
                decoding
                    ? "Decode with one reusable `msgspec.json.Decoder(YourStruct)` created outside the hot path (typed and validated), or `orjson.loads` when plain dicts are enough."
                    : "Encode with one reusable `msgspec.json.Encoder()` created outside the hot path, or `orjson.dumps` (it returns bytes).",
                confidence,
                "msgspec or orjson parse and serialise several times faster than the stdlib module on the same payload.");
        }
    }

    private static bool IsStdlibJson(CallNode call)
    {
        var callee = call.Callee;
        var dot = callee.LastIndexOf('.');
        if (dot < 0)
        {
            // `from json import loads` (possibly aliased).
            return PythonCode.IsDottedName(callee) && PythonCode.NearestBindings(call, callee).Any(b =>
                b.Node is ImportNode { Module: "json" } import && import.Names.Any(n => n.BoundName == callee && n.Name == call.Name));
        }

        var module = callee[..dot];
        return PythonCode.IsDottedName(module) && !module.Contains('.', StringComparison.Ordinal)
            && PythonCode.NearestBindings(call, module).Any(b => b.Node is ImportNode { Module: null } import && import.Names.Any(n => n.BoundName == module && n.Name == "json"));
    }

    private static bool IsHandler(FunctionNode function)
    {
        if (function.Attributes.Any(a => HandlerDecorators.Contains(a.Name[(a.Name.LastIndexOf('.') + 1)..]) && a.Name.Contains('.', StringComparison.Ordinal)))
        {
            return true;
        }

        var name = function.Name;
        return name.StartsWith("handle", StringComparison.Ordinal) || name.StartsWith("do_", StringComparison.Ordinal)
            || name.EndsWith("_handler", StringComparison.Ordinal) || name is "on_message" or "process_request" or "process_response"
            || (function.IsMethod && name is "get" or "post" or "put" or "patch" or "delete");
    }
}
