using System.ClientModel;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using OpenAI;
using SkillHost.Samples.SemanticKernel;

// Usage: skillhost-sk-sample FILE [SERVER_COMMAND [ARGS...]]
//   FILE             a Python or Rust file to review
//   SERVER_COMMAND   how to start the MCP server (default: `skillhost serve`, the installed dotnet tool)
// The model: an OpenAI-compatible endpoint when OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL) is set,
// otherwise the scripted stand-in, which calls the tool and shows its answer.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: skillhost-sk-sample FILE [SERVER_COMMAND [ARGS...]]");
    return 2;
}

var command = args.Length > 1 ? args[1] : "skillhost";
string[] arguments = args.Length > 2 ? args[2..] : ["serve"];
var server = new StdioClientTransport(new StdioClientTransportOptions { Name = "skillhost", Command = command, Arguments = arguments });

using var chat = Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 } key
    ? new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(Environment.GetEnvironmentVariable("OPENAI_BASE_URL") ?? "https://api.openai.com/v1") })
        .GetChatClient(Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4.1")
        .AsIChatClient()
    : new ScriptedChatClient();

var (answer, tools) = await PerformanceReviewKernel.ReviewAsync(server, chat, args[0]);
Console.Error.WriteLine($"plugin functions: {string.Join(", ", tools)}");
Console.WriteLine(answer);
return 0;
