using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace SkillHost.Server.Tools;

/// <summary>
/// The tools/list answer, computed when the code was built (<c>tool-schemas.json</c>, embedded) instead of at every
/// start-up. The SDK derives each tool's input and output schema by reflection over the method and the result
/// types; under Native AOT that costs ~50 ms of a ~90 ms cold start (every schema node looks up ~16
/// DataAnnotations attributes on three providers). A test regenerates the list with the SDK and requires it equal
/// to the file, so the two cannot drift; the real tool behind each entry is built on its first call.
/// </summary>
internal static class ToolSchemaSnapshot
{
    /// <summary>Name of the embedded resource (and of the file beside this one in the source tree).</summary>
    public const string FileName = "tool-schemas.json";

    private static readonly Lazy<Dictionary<string, Tool>> Snapshot = new(Load);

    /// <summary>
    /// Registers every <see cref="McpServerToolAttribute"/> method of <typeparamref name="TToolType"/> the way
    /// <c>WithTools&lt;T&gt;(options)</c> does, with its tools/list entry read from the snapshot.
    /// </summary>
    public static IMcpServerBuilder WithSnapshotTools<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] TToolType>(
        this IMcpServerBuilder builder, JsonSerializerOptions serializerOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var method in typeof(TToolType).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (method.GetCustomAttribute<McpServerToolAttribute>() is not { } attribute)
            {
                continue;
            }

            var name = attribute.Name ?? throw new InvalidOperationException($"{typeof(TToolType).Name}.{method.Name} must name its tool: [McpServerTool(Name = \"snake_case\")].");
            builder.Services.AddSingleton(services =>
            {
                McpServerTool Create() => McpServerTool.Create(method, target: null, new McpServerToolCreateOptions { Services = services, SerializerOptions = serializerOptions });

                // A tool missing from the snapshot (added since it was written) is built now, slowly but correctly; the snapshot test fails until the file is regenerated.
                return Snapshot.Value.TryGetValue(name, out var listed) ? new SnapshotSchemaTool(listed, method, Create) : Create();
            });
        }

        return builder;
    }

    /// <summary>The snapshot's text for <paramref name="tools"/>: a tools/list result, indented and with quotes and non-ASCII characters as themselves, for readable diffs (it is data, never embedded in HTML).</summary>
    public static string Serialize(IEnumerable<Tool> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(new ListToolsResult { Tools = [.. tools.OrderBy(t => t.Name, StringComparer.Ordinal)] }, options.GetTypeInfo(typeof(ListToolsResult))) + "\n";
    }

    private static Dictionary<string, Tool> Load()
    {
        using var stream = typeof(ToolSchemaSnapshot).Assembly.GetManifestResourceStream(FileName);
        if (stream is null)
        {
            return new Dictionary<string, Tool>();
        }

        var result = (ListToolsResult?)JsonSerializer.Deserialize(stream, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ListToolsResult)));
        return result?.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal) ?? new Dictionary<string, Tool>();
    }

    /// <summary>A tool whose tools/list entry comes from the snapshot; the SDK's reflection-built tool answers calls, created on the first one.</summary>
    private sealed class SnapshotSchemaTool(Tool listed, MethodInfo method, Func<McpServerTool> create) : McpServerTool
    {
        private readonly Lazy<McpServerTool> _tool = new(create);

        public override Tool ProtocolTool => listed;

        // What the SDK's own tool reports (the method, then the attributes of its class and of itself): HTTP authorization reads it on tools/list, so it must not wait for the real tool.
        public override IReadOnlyList<object> Metadata { get; } = [method, .. method.DeclaringType?.GetCustomAttributes() ?? [], .. method.GetCustomAttributes()];

        public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
            _tool.Value.InvokeAsync(request, cancellationToken);
    }
}
