using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SkillHost.Evals.Agents;

/// <summary>
/// A real OpenAI-compatible chat endpoint for <c>--live</c> and <c>--record</c>, configured by environment variables:
/// <see cref="EndpointVariable"/> (base URL, e.g. <c>https://api.openai.com/v1</c> or a local server's <c>/v1</c>),
/// <see cref="ModelVariable"/> (model name) and <see cref="ApiKeyVariable"/> (optional for local servers).
/// </summary>
public sealed record LiveModel(Uri Endpoint, string Model, string ApiKey)
{
    public const string EndpointVariable = "SKILLHOST_EVAL_ENDPOINT";
    public const string ModelVariable = "SKILLHOST_EVAL_MODEL";
    public const string ApiKeyVariable = "SKILLHOST_EVAL_API_KEY";

    /// <summary>Reads the configuration, or returns null with a message naming what is missing.</summary>
    public static LiveModel? FromEnvironment(Func<string, string?> environment, out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = environment(EndpointVariable);
        var model = environment(ModelVariable);
        var missing = new[] { (EndpointVariable, endpoint), (ModelVariable, model) }.Where(v => string.IsNullOrWhiteSpace(v.Item2)).Select(v => v.Item1).ToList();
        if (missing.Count > 0)
        {
            error = $"--live and --record need {string.Join(" and ", missing)} (and {ApiKeyVariable} unless the endpoint needs no key); "
                + "set them to an OpenAI-compatible endpoint, e.g. SKILLHOST_EVAL_ENDPOINT=https://api.openai.com/v1 SKILLHOST_EVAL_MODEL=gpt-4.1.";
            return null;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            error = $"{EndpointVariable}='{endpoint}' is not an http(s) URL; give the API's base URL, e.g. https://api.openai.com/v1.";
            return null;
        }

        error = null;
        var key = environment(ApiKeyVariable);
        // Local OpenAI-compatible servers accept any key; the SDK insists on a non-empty one.
        return new LiveModel(uri, model!.Trim(), string.IsNullOrWhiteSpace(key) ? "no-key" : key);
    }

    public IChatClient CreateClient() =>
        new OpenAIClient(new ApiKeyCredential(ApiKey), new OpenAIClientOptions { Endpoint = Endpoint })
            .GetChatClient(Model)
            .AsIChatClient();
}
