using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using SkillHost.Server.Hosting;
using SkillHost.Server.Prompts;
using SkillHost.Server.Resources;
using SkillHost.Server.Skills;
using SkillHost.Server.Tools;

namespace SkillHost.Server;

/// <summary>
/// Everything the MCP server serves, whatever the transport: tools (registered one type at a time with
/// source-generated JSON, no assembly scanning, their tools/list entries read from <see cref="ToolSchemaSnapshot"/>), prompts and resources kept in step with the skill catalog
/// (a change on disk sends list_changed), and the SEP-2640 skills extension.
/// </summary>
internal static class McpComposition
{
    public static IMcpServerBuilder AddSkillHostMcp(this IServiceCollection services, SkillCatalog catalog, ServerEnvironment environment)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(environment);
        var reviews = new ReviewStore();
        services.AddSingleton(reviews);

        var resources = new McpServerResourceCollection();
        var prompts = new McpServerPrimitiveCollection<McpServerPrompt>();
        var performanceReview = new PerformanceReviewPrompt(catalog, environment);
        void Sync()
        {
            SkillResources.Sync(resources, catalog.Skills, ReviewReportResource.For(reviews));
            SkillPrompt.Sync(prompts, performanceReview, catalog.Skills);
        }

        Sync();
        catalog.Changed += (_, _) => Sync();

        return services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "skillhost", Title = "SkillHost", Version = environment.Tool.Version };
                options.ServerInstructions = "SkillHost serves Agent Skills. For a performance review of Python or Rust code, follow the performance_review prompt "
                    + "or call review_code (all steps at once), or classify_code, estimate_cost, checklist_review and format_report step by step; fix_code returns the mechanical fixes as fixed code or a diff; read parts of a skill with get_skill_section or the skill:// resources.";
                options.ResourceCollection = resources;
                options.PromptCollection = prompts;
                // Every failure of a request is answered with what was wrong, never the SDK's bare "An error occurred.".
                options.Filters.Message.IncomingFilters.Add(RequestErrorReplies.Filter);
                options.Filters.Request.CallToolFilters.Add(ToolArgumentCheck.Filter);
                var capabilities = options.Capabilities ??= new ServerCapabilities();
                var extensions = capabilities.Extensions ??= new Dictionary<string, object>();
                extensions[SkillsOverMcp.ExtensionKey] = new System.Text.Json.Nodes.JsonObject();
#pragma warning disable MCPEXP002 // Custom request handlers are experimental in the SDK; SEP-2640 has no other hook in 2.4.0.
                foreach (var handler in SkillsOverMcp.Handlers(catalog))
                {
                    (options.RequestHandlers ??= []).Add(handler);
                }
#pragma warning restore MCPEXP002
            })
            .WithSkillHostTools()
            .WithSubscribeToResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()))
            .WithUnsubscribeFromResourcesHandler((_, _) => ValueTask.FromResult(new EmptyResult()));
    }

    /// <summary>
    /// The nine tools, with source-generated JSON. Their tools/list entries come from <see cref="ToolSchemaSnapshot"/>;
    /// <paramref name="listFromSnapshot"/> false derives them by reflection at start-up, as the SDK does (the snapshot test compares the two).
    /// </summary>
    public static IMcpServerBuilder WithSkillHostTools(this IMcpServerBuilder builder, bool listFromSnapshot = true) => builder
        .WithTool<ClassifyCodeTool>(listFromSnapshot)
        .WithTool<EstimateCostTool>(listFromSnapshot)
        .WithTool<ChecklistReviewTool>(listFromSnapshot)
        .WithTool<FormatReportTool>(listFromSnapshot)
        .WithTool<ReviewCodeTool>(listFromSnapshot)
        .WithTool<FixCodeTool>(listFromSnapshot)
        .WithTool<GetSkillSectionTool>(listFromSnapshot)
        .WithTool<AnalyzeProfileTool>(listFromSnapshot)
        .WithTool<CompareProfilesTool>(listFromSnapshot);

    private static IMcpServerBuilder WithTool<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods)] TToolType>(
        this IMcpServerBuilder builder, bool listFromSnapshot) =>
        listFromSnapshot ? builder.WithSnapshotTools<TToolType>(ServerJsonContext.ToolOptions) : builder.WithTools<TToolType>(ServerJsonContext.ToolOptions);
}
