// Drives SkillHost's paged tools over stdio with the TypeScript SDK client on a whole folder, follows every cursor and
// writes what it saw to a JSON file: the largest result of each tool (text + structured content, in characters), and
// the findings and files the pages returned, to compare with the CLI's JSON.
//   node paging-client.mjs <folder> <out.json> <command> [args...]
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const [folder, out, command, ...args] = process.argv.slice(2);
const client = new Client({ name: "skillhost-paging-test", version: "1.0.0" }, { capabilities: { roots: {} } });
client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [{ uri: pathToFileURL(folder).href, name: "corpus" }] }));
await client.connect(new StdioClientTransport({ command, args, stderr: "inherit" }));

const summary = { sizes: {}, pages: {}, errors: [] };
const size = (result) => (result.content ?? []).filter((c) => c.type === "text").reduce((n, c) => n + c.text.length, 0)
  + (result.structuredContent ? JSON.stringify(result.structuredContent).length : 0);
const timeout = { timeout: 600_000 };

// Calls a tool, then again with each nextCursor until none; returns every result.
async function pages(name, args) {
  const results = [];
  let cursor;
  do {
    const result = await client.callTool({ name, arguments: cursor ? { cursor } : args }, undefined, timeout);
    if (result.isError) {
      summary.errors.push(`${name}: ${result.content?.[0]?.text}`);
      break;
    }
    results.push(result);
    summary.sizes[name] = Math.max(summary.sizes[name] ?? 0, size(result));
    summary.firstPage ??= {};
    summary.firstPage[name] ??= size(result);
    cursor = result.structuredContent?.nextCursor ?? undefined;
  } while (cursor);
  summary.pages[name] = results.length;
  return results;
}

const key = (f) => `${f.ruleId}|${f.path}|${f.startLine}|${f.startColumn}`;
const checklist = await pages("checklist_review", { paths: ["."] });
summary.checklistFindings = checklist.flatMap((r) => r.structuredContent.findings.map(key));
summary.checklistFiles = checklist.flatMap((r) => r.structuredContent.files);

const started = Date.now();
const review = await pages("review_code", { paths: ["."] });
summary.reviewFirstMs = Date.now() - started;
summary.reviewFindings = review.flatMap((r) => r.structuredContent.findings.map(key));
const first = review[0];
summary.reportText = first?.content?.[0]?.text?.length ?? 0;
summary.reportParts = (first?.content?.[0]?.text?.match(/^## /gm) ?? []).length;
summary.resourceLinks = (first?.content ?? []).filter((c) => c.type === "resource_link").map((c) => c.uri);
if (summary.resourceLinks[0]) {
  const md = await client.readResource({ uri: summary.resourceLinks[0] }, timeout);
  summary.fullReportChars = md.contents[0].text.length;
}

const classify = await pages("classify_code", { paths: ["."] });
summary.classifyFiles = classify.flatMap((r) => r.structuredContent.files.map((f) => f.path));

const fix = await client.callTool({ name: "fix_code", arguments: { paths: ["."] } }, undefined, timeout);
summary.sizes.fix_code = size(fix);
summary.firstPage.fix_code = size(fix);

const bad = await client.callTool({ name: "checklist_review", arguments: { cursor: "not-a-cursor" } });
summary.badCursor = { isError: bad.isError ?? false, text: bad.content?.[0]?.text };
const foreign = checklist[0]?.structuredContent?.nextCursor;
if (foreign) {
  const other = await client.callTool({ name: "classify_code", arguments: { cursor: foreign } });
  summary.foreignCursor = { isError: other.isError ?? false, text: other.content?.[0]?.text };
}
const absurd = await client.callTool({ name: "review_code", arguments: { code: "x = 1\n", language: "python", assumeN: 0 } });
summary.badAssumeN = { isError: absurd.isError ?? false, text: absurd.content?.[0]?.text };

writeFileSync(out, JSON.stringify(summary));
await client.close();
