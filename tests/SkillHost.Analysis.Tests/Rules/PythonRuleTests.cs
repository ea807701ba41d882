using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>The Python checklist rules: each alone on its fixture, on the skill's own code, and on what the reports say.</summary>
public sealed class PythonRuleTests
{
    public static TheoryData<string> RuleIds() => [.. PythonRules.All.Select(r => r.Descriptor.Id)];

    private static Rule RuleWithId(string id) => PythonRules.All.Single(r => r.Descriptor.Id == id);

    private static IReadOnlyList<Finding> RunAll(string code, string path = "reviewed.py", params (string Code, string Path)[] others) =>
        RuleFixture.Run(PythonRules.All, code, path, others);

    public sealed class Fixtures
    {
        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(PythonRuleTests))]
        public void Given_the_rule_fixture_When_the_rule_runs_alone_Then_it_reports_exactly_the_marked_lines(string id)
        {
            var (expected, actual) = RuleFixture.Check(RuleWithId(id));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    public sealed class Catalogue
    {
        [Fact]
        public void Given_the_python_rules_When_listed_Then_ids_are_unique_and_in_order()
        {
            var ids = PythonRules.All.Select(r => r.Descriptor.Id).ToList();

            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        }

        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(PythonRuleTests))]
        public void Given_a_rule_When_its_descriptor_is_read_Then_its_slug_is_a_skill_checklist_item_and_its_cost_row_resolves(string id)
        {
            var descriptor = RuleWithId(id).Descriptor;

            Assert.NotNull(RuleFixture.Skill.ChecklistItem(descriptor.Slug));
            Assert.StartsWith("python/", descriptor.Slug, StringComparison.Ordinal);
            if (descriptor.CostOperation is { } operation)
            {
                Assert.NotNull(RuleFixture.Skill.FindCost(operation));
            }

            Assert.All([descriptor.WhatItDoes, descriptor.WhyBad, descriptor.Example, descriptor.UseInstead], text => Assert.False(string.IsNullOrWhiteSpace(text)));
        }

        [Fact]
        public void Given_the_skill_checklist_When_python_items_are_listed_Then_each_has_a_python_rule()
        {
            var slugs = RuleFixture.Skill.Slugs.Where(s => s.StartsWith("python/", StringComparison.Ordinal)).ToList();

            Assert.Equal(10, slugs.Count);
            Assert.All(slugs, slug => Assert.Contains(PythonRules.All, r => r.Descriptor.Slug == slug));
        }
    }

    public sealed class SkillCodeBlocks
    {
        public static TheoryData<int> PythonBlocks() =>
        [
            .. RuleFixture.Skill.Skill.CodeBlocks
                .Select((block, index) => (block, index))
                .Where(b => b.block.Slug?.StartsWith("python/", StringComparison.Ordinal) == true && b.block.Label is not null)
                .Select(b => b.index),
        ];

        [Theory]
        [MemberData(nameof(PythonBlocks))]
        public void Given_a_labelled_skill_block_When_the_rules_of_its_slug_run_Then_BAD_is_reported_and_GOOD_is_not(int index)
        {
            var block = RuleFixture.Skill.Skill.CodeBlocks[index];
            var rules = PythonRules.All.Where(r => r.Descriptor.Slug == block.Slug).ToList();

            var findings = RuleFixture.Run(rules, block.Code, $"skill_block_{block.Line}.py");

            if (block.Label == "BAD")
            {
                Assert.True(findings.Count > 0, $"BAD block at line {block.Line} ({block.Source ?? "SKILL.md"}) raised no {block.Slug} finding");
            }
            else
            {
                Assert.True(findings.Count == 0, $"{block.Label} block at line {block.Line} raised: {string.Join("; ", findings.Select(f => f.Message))}");
            }
        }

        [Fact]
        public void Given_the_skill_blocks_When_counted_Then_every_python_slug_has_a_BAD_block_under_test()
        {
            var badSlugs = RuleFixture.Skill.Skill.CodeBlocks.Where(b => b.Label == "BAD" && b.Slug?.StartsWith("python/", StringComparison.Ordinal) == true).Select(b => b.Slug).Distinct();

            Assert.Equal(10, badSlugs.Count());
        }

        [Fact]
        public void Given_worked_example_A_When_all_python_rules_review_it_Then_the_top_finding_is_list_where_generator_at_readlines()
        {
            var example = RuleFixture.Skill.Skill.Examples.Single(e => e.Id == "A");
            var input = example.Inputs.Single(b => b.Language == "python");

            var findings = RunAll(input.Code, "example_a.py");

            Assert.NotEmpty(findings);
            Assert.Equal("python/list-where-generator", findings[0].Rule.Slug);
            Assert.Contains("readlines()", findings[0].Message, StringComparison.Ordinal);
            Assert.Contains("with", findings[0].Fix, StringComparison.Ordinal);
        }
    }

    public sealed class Evidence
    {
        [Fact]
        public void Given_a_lookup_in_a_nested_loop_When_reported_Then_the_evidence_names_both_loops()
        {
            const string code = "def render(self, rows):\n    for row in rows:\n        for cell in row:\n            self.out.cells.append(cell)\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY006")], code, "render.py"));

            Assert.Equal(2, finding.Evidence.LoopDepth);
            Assert.Equal(Confidence.Medium, finding.Confidence); // a hoisted lookup is worth it only where passes multiply (calibration/verdicts.tsv)
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("for cell in row", StringComparison.Ordinal));
            Assert.NotNull(finding.Impact.CostSource);
        }

        [Theory]
        [InlineData("def lengths(lines):\n    total = 0\n    for line in lines:\n        parts = []\n        parts.append(line)\n        total += len(parts)\n    return total\n", Confidence.Low)]
        [InlineData("def lengths(pages):\n    total = 0\n    for page in pages:\n        for line in page:\n            parts = []\n            parts.append(line)\n            total += len(parts)\n    return total\n", Confidence.Medium)]
        public void Given_a_scratch_list_per_pass_When_reported_Then_confidence_is_low_unless_the_passes_multiply(string code, Confidence expected)
        {
            // CPython reuses freed lists and dicts, so one fresh scratch container saves only a few ns a pass.
            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY004")], code, "app.py"));

            Assert.Contains("scratch list", finding.Message, StringComparison.Ordinal);
            Assert.Equal(expected, finding.Confidence);
        }

        [Theory]
        [InlineData("def consume(stream, decoder: Decoder):\n    for raw in stream:\n        decoder.decode(raw)\n")]
        [InlineData("def consume(stream, decoder: Decoder | None):\n    for raw in stream:\n        decoder.decode(raw)\n")]
        [InlineData("def consume(stream):\n    decoder = Decoder()\n    for raw in stream:\n        decoder.decode(raw)\n")]
        [InlineData("class Consumer:\n    decoder: Decoder\n\n    def consume(self, stream):\n        for raw in stream:\n            self.decoder.decode(raw)\n")]
        public void Given_a_method_called_in_a_loop_on_a_receiver_of_declared_type_When_reviewed_together_Then_the_call_resolves_to_it(string consumer)
        {
            const string decoder = "class Decoder:\n    def decode(self, raw):\n        return any([part.startswith(\"#\") for part in raw])\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], decoder, "events.py", ("from events import Decoder\n\n" + consumer, "consumer.py")));

            Assert.True(finding.Evidence.PerItemResolved);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("called from a loop at consumer.py", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_the_same_call_on_a_receiver_of_another_type_When_reviewed_together_Then_it_does_not_resolve()
        {
            const string decoder = "class Decoder:\n    def decode(self, raw):\n        return any([part.startswith(\"#\") for part in raw])\n";
            const string consumer = "from codecs_ import Other\n\ndef consume(stream, decoder: Other):\n    for raw in stream:\n        decoder.decode(raw)\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], decoder, "events.py", (consumer, "consumer.py")));

            Assert.False(finding.Evidence.PerItemResolved);
        }

        [Fact]
        public void Given_json_in_a_function_that_another_file_calls_in_a_loop_When_reviewed_together_Then_it_is_a_per_item_finding()
        {
            const string decoder = "import json\n\ndef decode_event(raw):\n    return json.loads(raw)\n";
            const string consumer = "from events import decode_event\n\ndef consume(stream):\n    for raw in stream:\n        decode_event(raw)\n";

            var together = RuleFixture.Run([RuleWithId("PY008")], decoder, "events.py", (consumer, "consumer.py"));
            var alone = RuleFixture.Run([RuleWithId("PY008")], decoder, "events.py");

            var finding = Assert.Single(together);
            Assert.True(finding.Evidence.PerItemFunction);
            // The caller is resolved through `from events import decode_event` to this def: evidence, not a name match.
            Assert.True(finding.Evidence.PerItemResolved);
            Assert.NotEqual(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("called from a loop at consumer.py:5 (resolved", StringComparison.Ordinal));
            Assert.Contains("JSON parse with stdlib json", finding.Impact.CostSource, StringComparison.Ordinal);
            Assert.Empty(alone);
        }

        [Fact]
        public void Given_readlines_in_a_with_block_and_the_loop_after_it_When_reported_Then_the_fix_moves_the_loop_into_the_block()
        {
            const string closed = "def load(path):\n    with open(path) as fp:\n        lines = fp.readlines()\n    for line in lines:\n        use(line)\n";
            const string open = "def load(fp):\n    lines = fp.readlines()\n    for line in lines:\n        use(line)\n";

            var afterBlock = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], closed, "load.py"));
            var plain = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], open, "load.py"));

            Assert.StartsWith("Move the loop into the `with` block and iterate `fp` directly", afterBlock.Fix, StringComparison.Ordinal);
            Assert.StartsWith("Iterate `fp` directly", plain.Fix, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_blocking_calls_in_an_async_function_When_priced_Then_network_is_a_round_trip_a_sleep_its_own_length_and_a_file_a_read()
        {
            const string code = "import time\nimport requests\n\nasync def sync(ids, path):\n    requests.get(URL)\n    time.sleep(0.25)\n    open(path).read()\n";

            var findings = RuleFixture.Run([RuleWithId("PY009")], code, "sync.py").OrderBy(f => f.Start.Line).ToList();

            Assert.Equal([5, 6, 7], findings.Select(f => f.Start.Line));
            Assert.Contains("Round trip within the same datacenter", findings[0].Impact.CostSource, StringComparison.Ordinal);
            Assert.Contains("the floor", findings[0].Impact.Text, StringComparison.Ordinal);
            Assert.Equal(50_000, findings[0].Impact.PerOccurrence!.Value.MinNs);
            Assert.Equal("`time.sleep(0.25)` blocks for 0.25 s by itself", findings[1].Impact.CostSource);
            Assert.Equal(250_000_000, findings[1].Impact.PerOccurrence!.Value.MinNs);
            Assert.Contains("Read 4 KB from SSD", findings[2].Impact.CostSource, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_typed_sync_client_in_an_async_function_When_reviewed_Then_it_is_reported_once_or_per_item_and_the_loop_ranks_higher()
        {
            const string code = "import httpx\n\nasync def one(client: httpx.Client | None, url):\n    return client.get(url)\n\nasync def each(client: httpx.Client | None, urls):\n    return [client.get(u) for u in urls]\n";

            var findings = RuleFixture.Run([RuleWithId("PY009")], code, "fetch.py").OrderBy(f => f.Start.Line).ToList();

            Assert.Equal([4, 7], findings.Select(f => f.Start.Line));
            Assert.All(findings, f => Assert.Equal(Confidence.High, f.Confidence));
            Assert.Contains("Round trip within the same datacenter", findings[0].Impact.CostSource, StringComparison.Ordinal);
            Assert.True(findings[1].Impact.RankingNs > findings[0].Impact.RankingNs);
        }

        [Fact]
        public void Given_a_membership_test_on_a_growing_list_When_reported_Then_the_impact_prices_a_scan_per_iteration()
        {
            const string code = "def f(xs):\n    seen = []\n    for x in xs:\n        if x not in seen:\n            seen.append(x)\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY001")], code, "f.py"));

            Assert.Equal(Confidence.High, finding.Confidence);
            Assert.Equal(1, finding.Evidence.LoopDepth);
            Assert.True(finding.Impact.RankingNs > RuleFixture.Run([RuleWithId("PY006")], "import math\ndef g(xs):\n    for x in xs:\n        math.sqrt(x)\n", "g.py").Single().Impact.RankingNs);
        }

        [Fact]
        public void Given_constant_factor_rules_When_the_file_is_a_test_module_Then_they_stay_silent_but_quadratic_still_fires()
        {
            const string code = "def test_x(self, xs):\n    seen = []\n    for x in xs:\n        if x not in seen:\n            seen.append(x)\n        self.a.b.check(x)\n";

            var inTest = RunAll(code, "test_things.py");
            var inApp = RunAll(code, "things.py");

            Assert.Equal(["PY001"], inTest.Select(f => f.Rule.Id).Distinct());
            Assert.Contains(inApp, f => f.Rule.Id == "PY006");
        }

        [Theory]
        [InlineData("c: asyncpg.Connection", false)]
        [InlineData("c: httpx.AsyncClient", true)]
        public void Given_awaits_in_a_loop_on_a_receiver_whose_declared_type_is_a_connection_When_reviewed_Then_they_are_not_told_to_gather(string parameter, bool flagged)
        {
            // A connection runs one statement at a time: the declared type says so even when the name (`c`) does not.
            var code = $"async def load(ids, {parameter}):\n    rows = []\n    for i in ids:\n        rows.append(await c.get(i))\n    return rows\n";

            var findings = RuleFixture.Run([RuleWithId("PY005")], code, "load.py");

            Assert.Equal(flagged ? 1 : 0, findings.Count);
        }

        [Fact]
        public void Given_a_json_encoding_in_a_function_that_starts_a_process_per_call_When_a_loop_calls_it_Then_it_is_low_and_names_the_process()
        {
            // Calibration (watchfiles run.py:260): one json.dumps per restart of the watched process.
            const string code = "import json\nimport subprocess\n\n\ndef start_process(args, changes):\n    payload = json.dumps(changes)\n    return subprocess.Popen(args, env={\"CHANGES\": payload})\n\n\ndef run(args, batches):\n    for changes in batches:\n        start_process(args, changes)\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY008")], code, "watch/run.py"));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("also does I/O, `subprocess.Popen(args, env={\"CHANGES\": payload})` (line 7)", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_loop_whose_print_runs_only_before_a_raise_When_reviewed_Then_the_json_call_keeps_its_confidence()
        {
            const string code = "import json\n\n\ndef encode(rows):\n    out = []\n    for row in rows:\n        if row is None:\n            print(\"bad row\")\n            raise ValueError(row)\n        out.append(json.dumps(row))\n    return out\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY008")], code, "encode.py"));

            Assert.NotEqual(Confidence.Low, finding.Confidence);
            Assert.DoesNotContain(finding.Evidence.Facts, x => x.Contains("also does I/O", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_throwaway_list_of_unknown_length_When_reviewed_Then_it_is_low_because_the_saving_is_memory()
        {
            const string code = "def allowed(requested, allow):\n    for header in [h.lower() for h in requested.split(\",\")]:\n        if header.strip() not in allow:\n            return False\n    return True\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], code, "cors.py"));

            // Calibration (starlette cors.py:128, httpx _utils.py:47, safetensors torch.py:114): a handful of items per call.
            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("the saving is memory", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_any_over_a_list_comprehension_When_reviewed_Then_it_keeps_its_confidence_because_the_early_exit_saves_work()
        {
            const string code = "def has_error(lines):\n    return any([parse(line).failed for line in lines])\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], code, "check.py"));

            Assert.Equal(Confidence.High, finding.Confidence);
        }

        [Fact]
        public void Given_readlines_in_a_helper_of_a_constructor_When_reviewed_Then_it_is_low_and_names_the_constructor()
        {
            // Calibration (starlette config.py:113): the .env file is read once, when the Config is built.
            const string code = "class Config:\n    def __init__(self, env_file):\n        self.values = self._read_file(env_file)\n\n    def _read_file(self, name):\n        values = {}\n        with open(name) as f:\n            for line in f.readlines():\n                key, value = line.split(\"=\", 1)\n                values[key] = value\n        return values\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY002")], code, "config.py"));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("in the constructor `Config.__init__`, through `_read_file`", StringComparison.Ordinal));
            Assert.DoesNotContain(finding.Evidence.Facts, f => f.Contains("also does I/O", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_membership_test_on_a_list_the_code_bounds_When_reviewed_Then_it_is_low_and_priced_from_the_bounds()
        {
            // Calibration (tiktoken load.py:102): a 256-entry byte table, whatever the data.
            const string code = "def byte_table():\n    printable = [b for b in range(2**8) if chr(b).isprintable()]\n    for b in range(2**8):\n        if b not in printable:\n            printable.append(b)\n    return printable\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY001")], code, "load.py"));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains("holds at most 512 items and the loops around the test make 256 passes", finding.Message, StringComparison.Ordinal);
            Assert.NotEqual(PassSource.Assumed, finding.Impact.Estimate!.Passes.Source);
        }

        [Fact]
        public void Given_the_same_membership_test_over_data_When_reviewed_Then_it_stays_high()
        {
            const string code = "def dedupe(ids):\n    seen = []\n    for i in ids:\n        if i not in seen:\n            seen.append(i)\n    return seen\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY001")], code, "dedupe.py"));

            Assert.Equal(Confidence.High, finding.Confidence);
        }
    }

    public sealed class Messages
    {
        [Fact]
        public void Given_a_membership_test_When_reported_Then_message_names_the_test_and_the_loop_and_the_fix_proposes_a_set()
        {
            const string code = "def f(addresses):\n    sent = []\n    for address in addresses:\n        if address not in sent:\n            sent.append(address)\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY001")], code, "f.py"));

            Assert.Contains("`address not in sent`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("`for address in addresses`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("set()", finding.Fix, StringComparison.Ordinal);
            Assert.Equal("address not in sent", code.Substring(finding.Span.Start, finding.Span.Length));
            Assert.NotNull(finding.ChecklistText);
        }

        [Fact]
        public void Given_a_repeated_method_call_When_a_cache_is_proposed_Then_the_fix_warns_that_lru_cache_keeps_self_alive()
        {
            const string code = "class P:\n    def rates(self):\n        return {k: v * 2 for k, v in self.table.items()}\n\n    def price(self, items):\n        for item in items:\n            item.price = self.rates()[item.kind]\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("PY010")], code, "p.py"));

            Assert.Contains("cached_property", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("keeps every instance alive", finding.Fix, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_every_python_finding_on_the_fixtures_When_read_Then_message_fix_and_impact_are_filled_and_spans_lie_on_the_flagged_line()
        {
            foreach (var rule in PythonRules.All)
            {
                var path = RuleFixture.FixturePath(rule.Descriptor);
                var code = File.ReadAllText(path);

                var findings = RuleFixture.Run([rule], code, path);

                Assert.All(findings, f =>
                {
                    Assert.False(string.IsNullOrWhiteSpace(f.Message));
                    Assert.False(string.IsNullOrWhiteSpace(f.Fix));
                    Assert.False(string.IsNullOrWhiteSpace(f.Impact.Text));
                    Assert.True(f.Span.Length > 0 && f.Span.Length < 200, $"{f.Rule.Id} span {f.Span} too wide");
                    Assert.DoesNotMatch(@"\d+\s*(ns|µs|ms)\b", f.Message);
                });
            }
        }
    }

    public sealed class Robustness
    {
        [Fact]
        public void Given_truncated_and_broken_python_When_every_rule_runs_Then_none_throws()
        {
            var sources = PythonRules.All.Select(r => File.ReadAllText(RuleFixture.FixturePath(r.Descriptor)))
                .Concat(Directory.EnumerateFiles(RepoPaths.Combine("tests", "SkillHost.Analysis.Tests", "Python", "Inputs"), "*.py").Select(File.ReadAllText))
                .Concat(["for x in\n", "async def f(:\n    await\n", "x in [", "class A(:\n  __slots__ =", "def f():\n    for a in b:\n        if a == \n", "logger.debug(f\"{", "[await f(x) for x in", "json.loads(\n"]);
            var runs = 0;

            foreach (var source in sources)
            {
                for (var cut = source.Length; cut > 0; cut -= Math.Max(1, source.Length / 23))
                {
                    _ = RunAll(source[..cut], "broken.py");
                    runs++;
                }
            }

            Assert.True(runs > 100);
        }
    }
}
