// MCP server benchmarks: SkillHost (JIT and Native AOT) against @modelcontextprotocol/server-everything (Node).
//   node bench.mjs --jit "dotnet path/skillhost.dll" [--aot path/skillhost] [--runs 7] [--calls 1000] [--http-clients 50 --http-calls 200]
// Prints one line per figure. Loopback only; run on a quiet machine or repeat and keep the best/median.
// Every checklist_review call sends different code (the sample plus a trailing "# call N" comment), so no
// server-side cache of a repeated input could make the figures look better than real use.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const clients = join(here, "..", "..", "clients");
const everything = createRequire(join(clients, "package.json")).resolve("@modelcontextprotocol/server-everything/dist/index.js");

const options = parseArgs(process.argv.slice(2));
const runs = Number(options.runs ?? 7);
const calls = Number(options.calls ?? 1000);
const servers = [
  ["node server-everything", [process.execPath, everything, "stdio"]],
  ["skillhost JIT", [...options.jit.split(" "), "serve"]],
  ...(options.aot ? [["skillhost AOT", [options.aot, "serve"]]] : []),
];

// A 200-line Python module with loops, lookups and allocations: the kind of file a reviewer pastes.
const code = Array.from({ length: 40 }, (_, i) => [
  `def handler_${i}(rows, index):`,
  `    out = []`,
  `    for row in rows:`,
  `        if row.key in index.keys_list:`,
  `            out.append(str(row.value) + "-${i}")`,
].join("\n")).join("\n");
if (code.split("\n").length !== 200) throw new Error("the sample must be 200 lines");
// The 200-line sample followed by a comment naming the call: same work, a different input every time.
const codeForCall = (n) => `${code}\n# call ${n}`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

async function main() {
  console.log(`# ${new Date().toISOString()} node ${process.version}, ${runs} runs, ${calls} calls`);
  const cold = {};
  for (const [name, command] of servers) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const session = await StdioSession.start(command);
      await session.initialize();
      await session.request("tools/list", {});
      times.push(performance.now() - session.started);
      await session.close();
    }
    cold[name] = median(times);
    console.log(`cold start (spawn → initialize → tools/list): ${name}: median ${cold[name].toFixed(1)} ms, best ${Math.min(...times).toFixed(1)} ms`);
  }
  for (const name of Object.keys(cold).filter((n) => n.startsWith("skillhost"))) {
    console.log(`cold start ratio ${name} / node: ${(cold[name] / cold["node server-everything"]).toFixed(3)}`);
  }

  const rates = {};
  for (const [name, command] of servers) {
    const session = await StdioSession.start(command);
    await session.initialize();
    const tool = name.startsWith("node") ? "echo" : "checklist_review";
    const args = (n) => (tool === "echo" ? { message: `hello ${n}` } : { code: codeForCall(n), language: "python" });
    for (let i = 0; i < 50; i++) await session.request("tools/call", { name: tool, arguments: args(-i - 1) });
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const result = await session.request("tools/call", { name: tool, arguments: args(i) });
      if (result.isError) throw new Error(`${name} ${tool} failed: ${JSON.stringify(result)}`);
    }
    rates[name] = calls / ((performance.now() - start) / 1000);
    const rss = session.rssMb();
    console.log(`sequential ${tool} on one stdio session: ${name}: ${rates[name].toFixed(0)} calls/s; resident memory after ${calls + 50} calls: ${rss.toFixed(1)} MB`);
    await session.close();
  }
  for (const name of Object.keys(rates).filter((n) => n.startsWith("skillhost"))) {
    console.log(`calls/s ratio ${name} checklist_review (200 lines) / node echo: ${(rates[name] / rates["node server-everything"]).toFixed(2)}`);
  }

  // The floor under every tool call: the same loop with get_skill_section, which only looks up a parsed
  // section (no analysis), in the same run. Its ratio to echo bounds what any analysing tool can reach.
  for (const [name, command] of servers.filter(([n]) => n.startsWith("skillhost"))) {
    const session = await StdioSession.start(command);
    await session.initialize();
    const args = { name: "get_skill_section", arguments: { section: "biggest lever" } };
    for (let i = 0; i < 50; i++) await session.request("tools/call", args);
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const result = await session.request("tools/call", args);
      if (result.isError) throw new Error(`${name} get_skill_section failed: ${JSON.stringify(result)}`);
    }
    const rate = calls / ((performance.now() - start) / 1000);
    console.log(`floor: sequential get_skill_section (no analysis) on one stdio session: ${name}: ${rate.toFixed(0)} calls/s, ratio to node echo ${(rate / rates["node server-everything"]).toFixed(2)}`);
    await session.close();
  }

  if (options["http-clients"]) {
    const clientsCount = Number(options["http-clients"]);
    const perClient = Number(options["http-calls"] ?? 200);
    const server = await HttpServer.start([...options.jit.split(" "), "serve", "--http", "--port", "0"]);
    const latencies = [];
    let errors = 0;
    const body = (id) => JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "checklist_review", arguments: { code: codeForCall(id), language: "python" } } });
    const one = async (id) => {
      const start = performance.now();
      try {
        const response = await fetch(server.url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" }, body: body(id) });
        const text = await response.text();
        const json = JSON.parse(text.startsWith("{") ? text : text.split("\n").find((l) => l.startsWith("data:")).slice(5));
        if (!response.ok || json.error || json.result?.isError) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    };
    for (let i = 0; i < 100; i++) await one(i);
    latencies.length = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: clientsCount }, async (_, c) => { for (let i = 0; i < perClient; i++) await one(c * perClient + i); }));
    const seconds = (performance.now() - start) / 1000;
    console.log(`http ${clientsCount} clients × ${perClient} checklist_review calls: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, ${(latencies.length / seconds).toFixed(0)} calls/s, errors ${errors}; resident memory ${server.rssMb().toFixed(1)} MB`);
    server.kill();
  }
}

function parseArgs(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i += 2) result[argv[i].replace(/^--/, "")] = argv[i + 1];
  if (!result.jit) throw new Error('pass --jit "dotnet path/to/skillhost.dll"');
  return result;
}

class StdioSession {
  static async start(command) {
    const session = new StdioSession();
    session.started = performance.now();
    session.child = spawn(command[0], command.slice(1), { stdio: ["pipe", "pipe", "ignore"] });
    session.pending = new Map();
    session.nextId = 1;
    let buffer = "";
    session.child.stdout.on("data", (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        const message = JSON.parse(line);
        if (message.id !== undefined && session.pending.has(message.id)) {
          session.pending.get(message.id)(message);
          session.pending.delete(message.id);
        }
      }
    });
    return session;
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result)));
      this.child.stdin.write(JSON.stringify({ jsonrpc: "2.0", id, method, params }) + "\n");
    });
  }

  async initialize() {
    await this.request("initialize", { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "bench", version: "1" } });
    this.child.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
  }

  rssMb() {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${this.child.pid}/status`, "utf8"))[1]) / 1024;
  }

  async close() {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGKILL");
    await exited;
  }
}

class HttpServer {
  static start(command) {
    return new Promise((resolve, reject) => {
      const child = spawn(command[0], command.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (chunk) => {
        err += chunk;
        const match = /MCP over HTTP at (\S+)/.exec(err);
        if (match) resolve({ url: match[1], kill: () => child.kill("SIGKILL"), rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))[1]) / 1024 });
      });
      child.once("exit", () => reject(new Error("server exited: " + err)));
    });
  }
}

await main();
