// Drives a SkillHost MCP server with the official TypeScript SDK client and prints one JSON summary line.
//   node sdk-client.mjs stdio <command> [args...]
//   node sdk-client.mjs http <url> [token]
// The SDK validates every structuredContent against the tool's outputSchema, so a schema drift fails here.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, target, ...rest] = process.argv.slice(2);
const transport = mode === "stdio"
  ? new StdioClientTransport({ command: target, args: rest, stderr: "inherit" })
  : new StreamableHTTPClientTransport(new URL(target), rest[0] ? { requestInit: { headers: { Authorization: `Bearer ${rest[0]}` } } } : undefined);

const client = new Client({ name: "skillhost-sdk-test", version: "1.0.0" });
await client.connect(transport);
const summary = { server: client.getServerVersion()?.name, extensions: Object.keys(client.getServerCapabilities()?.extensions ?? {}) };

summary.tools = (await client.listTools()).tools.map((t) => ({ name: t.name, readOnly: t.annotations?.readOnlyHint ?? false, hasOutputSchema: !!t.outputSchema }));

const code = "def match(orders, customers):\n    for order in orders:\n        for customer in customers:\n            if customer.id == order.customer_id:\n                yield order, customer\n";
const review = await client.callTool({ name: "checklist_review", arguments: { code, language: "python" } });
summary.review = { isError: review.isError ?? false, slugs: review.structuredContent?.findings?.map((f) => f.slug) ?? [] };

// The workflow tools: the SDK checks each structuredContent against its outputSchema.
const full = await client.callTool({ name: "review_code", arguments: { code, filename: "match.py" } });
summary.reviewCode = { isError: full.isError ?? false, hasParts: full.content?.[0]?.text?.includes("## Measurement plan") ?? false, issues: full.structuredContent?.report?.topIssues?.length ?? 0 };
const classes = await client.callTool({ name: "classify_code", arguments: { code, language: "python" } });
summary.classify = classes.structuredContent?.files?.[0]?.file?.class;
const estimate = await client.callTool({ name: "estimate_cost", arguments: { operations: ["dict lookup=1e6"] } });
summary.estimateLines = estimate.structuredContent?.lines?.length ?? 0;
const formatted = await client.callTool({ name: "format_report", arguments: { report: "## Hot path hypothesis\n\nThe loop (estimated 1 ms).\n" } });
summary.formatMissing = formatted.structuredContent?.missing?.length ?? 0;

const fix = await client.callTool({ name: "fix_code", arguments: { code: "import time\n\nasync def poll(ids):\n    for i in ids:\n        time.sleep(0.1)\n", language: "python" } });
summary.fix = { isError: fix.isError ?? false, fixedCode: fix.structuredContent?.fixedCode, fixed: fix.structuredContent?.fixed?.length ?? 0 };

const section = await client.callTool({ name: "get_skill_section", arguments: { section: "Workflow" } });
summary.section = section.structuredContent?.title;

const bad = await client.callTool({ name: "checklist_review", arguments: { code: "x = 1", language: "cobol" } });
summary.badInput = { isError: bad.isError ?? false, text: bad.content?.[0]?.text };
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
  summary.unknownTool = "no error";
} catch (e) {
  summary.unknownTool = String(e.message ?? e);
}

const resources = (await client.listResources()).resources;
summary.resources = resources.length;
const skill = await client.readResource({ uri: "skill://performance-optimization/SKILL.md" });
summary.skillMimeType = skill.contents[0].mimeType;
summary.skillStartsWith = skill.contents[0].text.slice(0, 3);

summary.prompts = (await client.listPrompts()).prompts.map((p) => p.name).sort();
const prompt = await client.getPrompt({ name: "performance_review", arguments: { code: "x = [i for i in range(10)]", language: "python", goal: "throughput" } });
summary.promptMentionsGoal = prompt.messages[0].content.text.includes("The goal is throughput");

console.log(JSON.stringify(summary));
await client.close();
