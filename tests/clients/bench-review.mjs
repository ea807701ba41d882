// Times review_code on a folder over stdio (first call, then a repeat) and prints the size of each tool's first page.
//   node bench-review.mjs <folder> <command> [args...]
import { pathToFileURL } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ListRootsRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const [folder, command, ...args] = process.argv.slice(2);
const client = new Client({ name: "skillhost-bench", version: "1.0.0" }, { capabilities: { roots: {} } });
client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [{ uri: pathToFileURL(folder).href, name: "corpus" }] }));
await client.connect(new StdioClientTransport({ command, args, stderr: "ignore" }));
const size = (r) => (r.content ?? []).filter((c) => c.type === "text").reduce((n, c) => n + c.text.length, 0) + (r.structuredContent ? JSON.stringify(r.structuredContent).length : 0);
const out = { reviewMs: [], firstPage: {} };
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const r = await client.callTool({ name: "review_code", arguments: { paths: ["."] } }, undefined, { timeout: 600000 });
  out.reviewMs.push(Math.round(performance.now() - t));
  out.firstPage.review_code = size(r);
  out.reportText = r.content[0].text.length;
}
for (const name of ["checklist_review", "classify_code", "fix_code"]) {
  const t = performance.now();
  const r = await client.callTool({ name, arguments: { paths: ["."] } }, undefined, { timeout: 600000 });
  out.firstPage[name] = size(r);
  out[name + "Ms"] = Math.round(performance.now() - t);
}
const e = await client.callTool({ name: "estimate_cost", arguments: { operations: ["dict lookup=1e6"] } });
out.firstPage.estimate_cost = size(e);
const s = await client.callTool({ name: "get_skill_section", arguments: { section: "Workflow" } });
out.firstPage.get_skill_section = size(s);
const f = await client.callTool({ name: "format_report", arguments: { report: "## Hot path hypothesis\n\nThe loop (estimated 1 ms).\n" } });
out.firstPage.format_report = size(f);
console.log(JSON.stringify(out));
await client.close();
