using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>The Rust checklist rules: each alone on its fixture, on the skill's own code, and on what the reports say.</summary>
public sealed class RustRuleTests
{
    public static TheoryData<string> RuleIds() => [.. RustRules.All.Select(r => r.Descriptor.Id)];

    private static Rule RuleWithId(string id) => RustRules.All.Single(r => r.Descriptor.Id == id);

    private static IReadOnlyList<Finding> RunAll(string code, string path = "reviewed.rs", params (string Code, string Path)[] others) =>
        RuleFixture.Run(RustRules.All, code, path, others);

    public sealed class Fixtures
    {
        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(RustRuleTests))]
        public void Given_the_rule_fixture_When_the_rule_runs_alone_Then_it_reports_exactly_the_marked_lines(string id)
        {
            var (expected, actual) = RuleFixture.Check(RuleWithId(id));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    public sealed class PerItemReach
    {
        // A production path: a loop in a test file is no evidence of how often production code runs.
        private const string PerItemCode = """
            fn is_known(word: &str, dictionary: &HashSet<String>) -> bool {
                let key = word.to_string();
                dictionary.contains(&key)
            }

            fn label_of(id: u32) -> Result<String, String> {
                if id == 0 {
                    return Err(format!("bad id {id}"));
                }
                Ok(id.to_string())
            }

            fn known(words: &[&str], ids: &[u32], dictionary: &HashSet<String>) -> usize {
                let mut n = 0;
                for word in words {
                    if is_known(word, dictionary) {
                        n += 1;
                    }
                }
                for id in ids {
                    n += label_of(*id).map(|l| l.len()).unwrap_or(0);
                }
                n
            }
            """;

        [Fact]
        public void Given_a_function_a_loop_calls_per_item_When_RS004_runs_Then_its_body_counts_as_a_loop_body()
        {
            var findings = RuleFixture.Run([RuleWithId("RS004")], PerItemCode, "src/lib.rs");

            var finding = Assert.Single(findings);
            Assert.Equal(2, finding.Start.Line);
            Assert.Contains("every call of `is_known` (called once per item from a loop at src/lib.rs:16)", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_method_a_loop_calls_per_item_When_the_lock_rule_runs_Then_a_shared_lock_per_call_is_reported_and_a_passed_one_is_not()
        {
            const string code = """
                struct Stats { counts: Mutex<HashMap<u32, u64>> }

                impl Stats {
                    fn record(&self, id: u32) {
                        *self.counts.lock().unwrap().entry(id).or_insert(0) += 1;
                    }

                    fn record_into(&self, id: u32, into: &Mutex<Vec<u32>>) {
                        into.lock().unwrap().push(id);
                    }
                }

                fn tally(stats: &Stats, ids: &[u32], sink: &Mutex<Vec<u32>>) {
                    for id in ids {
                        stats.record(*id);
                        stats.record_into(*id, sink);
                    }
                }
                """;

            var findings = RuleFixture.Run([.. RustRules.All.Where(r => r.Descriptor.Slug == "rust/lock-contention")], code, "src/stats.rs");

            var finding = Assert.Single(findings);
            Assert.Equal(5, finding.Start.Line);
            Assert.Contains("every call of `record` (called once per item from a loop at src/stats.rs:15)", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_the_same_code_in_a_test_file_When_RS004_runs_Then_the_test_loop_is_no_evidence()
        {
            Assert.Empty(RuleFixture.Run([RuleWithId("RS004")], PerItemCode, "tests/known.rs"));
        }
    }

    public sealed class Catalogue
    {
        [Fact]
        public void Given_the_rust_rules_When_listed_Then_ids_are_unique_and_in_order()
        {
            var ids = RustRules.All.Select(r => r.Descriptor.Id).ToList();

            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.All(RustRules.All, r => Assert.Equal(r.GetType().Name, r.Descriptor.Name));
        }

        [Theory]
        [MemberData(nameof(RuleIds), MemberType = typeof(RustRuleTests))]
        public void Given_a_rule_When_its_descriptor_is_read_Then_its_slug_is_a_rust_checklist_item_and_its_cost_row_resolves(string id)
        {
            var descriptor = RuleWithId(id).Descriptor;

            Assert.NotNull(RuleFixture.Skill.ChecklistItem(descriptor.Slug));
            Assert.StartsWith("rust/", descriptor.Slug, StringComparison.Ordinal);
            Assert.Equal(RuleGroup.Rust, descriptor.Group);
            Assert.Equal(SourceLanguage.Rust, descriptor.Language);
            if (descriptor.CostOperation is { } operation)
            {
                Assert.NotNull(RuleFixture.Skill.FindCost(operation));
            }

            Assert.All([descriptor.WhatItDoes, descriptor.WhyBad, descriptor.Example, descriptor.UseInstead], text => Assert.False(string.IsNullOrWhiteSpace(text)));
        }

        [Fact]
        public void Given_the_skill_checklist_When_rust_items_are_listed_Then_each_has_a_rust_rule()
        {
            var slugs = RuleFixture.Skill.Slugs.Where(s => s.StartsWith("rust/", StringComparison.Ordinal)).ToList();

            Assert.Equal(11, slugs.Count);
            Assert.All(slugs, slug => Assert.Contains(RustRules.All, r => r.Descriptor.Slug == slug));
        }

        [Fact]
        public void Given_the_sequential_await_rule_When_its_descriptor_is_read_Then_it_cites_the_skills_async_technique_section()
        {
            var section = RuleWithId("RS011").Descriptor.TechniqueSection;

            Assert.NotNull(section);
            Assert.Contains(RuleFixture.Skill.Skill.CodeBlocks, b => b.Section == section && b.Language == "rust" && b.Label == "BAD");
        }
    }

    public sealed class SkillCodeBlocks
    {
        public static TheoryData<int> RustBlocks() =>
        [
            .. RuleFixture.Skill.Skill.CodeBlocks
                .Select((block, index) => (block, index))
                .Where(b => b.block.Slug?.StartsWith("rust/", StringComparison.Ordinal) == true && b.block.Label is not null)
                .Select(b => b.index),
        ];

        [Theory]
        [MemberData(nameof(RustBlocks))]
        public void Given_a_labelled_skill_block_When_the_rules_of_its_slug_run_Then_BAD_is_reported_and_GOOD_is_not(int index)
        {
            var block = RuleFixture.Skill.Skill.CodeBlocks[index];
            var rules = RustRules.All.Where(r => r.Descriptor.Slug == block.Slug).ToList();

            var findings = RuleFixture.Run(rules, block.Code, $"skill_block_{block.Line}.rs");

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
        public void Given_the_skill_blocks_When_counted_Then_every_rust_slug_has_a_BAD_block_under_test()
        {
            var badSlugs = RuleFixture.Skill.Skill.CodeBlocks.Where(b => b.Label == "BAD" && b.Slug?.StartsWith("rust/", StringComparison.Ordinal) == true).Select(b => b.Slug!);
            var rustSlugs = RuleFixture.Skill.Slugs.Where(s => s.StartsWith("rust/", StringComparison.Ordinal));

            Assert.Equal(rustSlugs.Order(StringComparer.Ordinal), badSlugs.Distinct().Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Given_the_async_sections_rust_blocks_When_reviewed_Then_they_illustrate_rust_sequential_await_and_only_RS011_reports_it()
        {
            var blocks = RuleFixture.Skill.Skill.CodeBlocks.Where(b => b.Section == "Run independent awaits concurrently" && b.Language == "rust").ToList();
            var bad = blocks.Single(b => b.Label == "BAD");

            Assert.Equal("rust/sequential-await", bad.Slug);
            Assert.Equal(["RS011"], RustRules.All.Where(r => r.Descriptor.Slug == bad.Slug).Select(r => r.Descriptor.Id));
            Assert.Equal("RS011", Assert.Single(RunAll(bad.Code, "probe_bad.rs")).Rule.Id);
            Assert.All(blocks.Where(b => b.Label is "GOOD" or "BETTER"), b => Assert.Empty(RuleFixture.Run([RuleWithId("RS011")], b.Code, "probe_good.rs")));
        }

        [Fact]
        public void Given_worked_example_B_When_all_rust_rules_review_it_Then_the_top_finding_is_unnecessary_clone_once_per_clone()
        {
            var example = RuleFixture.Skill.Skill.Examples.Single(e => e.Id == "B");
            var input = example.Inputs.Single(b => b.Language == "rust");

            var findings = RunAll(input.Code, "example_b.rs");

            Assert.NotEmpty(findings);
            Assert.Equal("rust/unnecessary-clone", findings[0].Rule.Slug);
            var clones = findings.Where(f => f.Rule.Slug == "rust/unnecessary-clone").ToList();
            Assert.Equal(2, clones.Count);
            Assert.Equal(["parcel.postcode.clone()", "parcel.recipient.clone()"], clones.Select(f => input.Code.Substring(f.Span.Start, f.Span.Length)).Order(StringComparer.Ordinal));
            Assert.All(clones, f => Assert.Equal(Confidence.High, f.Confidence));
        }

        [Fact]
        public void Given_worked_example_B_fix_When_all_rust_rules_review_it_Then_no_clone_is_reported()
        {
            var example = RuleFixture.Skill.Skill.Examples.Single(e => e.Id == "B");
            var fix = example.FixCode.Single(b => b.Language == "rust");

            Assert.DoesNotContain(RunAll(fix.Code, "example_b_fix.rs"), f => f.Rule.Slug == "rust/unnecessary-clone");
        }
    }

    public sealed class Evidence
    {
        [Fact]
        public void Given_a_lock_in_a_nested_loop_When_reported_Then_the_evidence_names_both_loops_and_prices_a_mutex()
        {
            const string code = "fn f(rows: &[Row], m: &Mutex<u64>) {\n    for row in rows {\n        for cell in row.cells() {\n            *m.lock().unwrap() += cell;\n        }\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS009")], code, "f.rs"));

            Assert.Equal(2, finding.Evidence.LoopDepth);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("for cell in row.cells()", StringComparison.Ordinal));
            Assert.Contains("Mutex lock/unlock (uncontended)", finding.Impact.CostSource, StringComparison.Ordinal);
            Assert.Equal("m.lock()", code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Fact]
        public void Given_a_log_string_built_in_a_function_that_another_file_calls_in_a_loop_When_reviewed_together_Then_it_is_a_per_item_finding()
        {
            const string library = "pub fn settle_one(order: &Order) {\n    let summary = format!(\"{} x{}\", order.sku, order.quantity);\n    log::debug!(\"settling {}\", summary);\n}\n";
            const string caller = "fn settle(orders: &[Order]) {\n    for order in orders {\n        settle_one(order);\n    }\n}\n";

            var together = RuleFixture.Run([RuleWithId("RS010")], library, "settle.rs", (caller, "main.rs"));
            var alone = RuleFixture.Run([RuleWithId("RS010")], library, "settle.rs");

            var finding = Assert.Single(together);
            Assert.True(finding.Evidence.PerItemFunction);
            Assert.Empty(alone);
        }

        [Fact]
        public void Given_a_nested_key_match_When_ranked_with_a_one_shot_clone_Then_the_quadratic_scan_comes_first()
        {
            const string code = "fn f(a: &[A], b: &[B], p: &P) -> String {\n    let name = p.name.clone();\n    for x in a {\n        for y in b {\n            if x.id == y.owner { n += 1; }\n        }\n    }\n    format!(\"{name}\")\n}\n";

            var findings = RunAll(code, "f.rs");

            Assert.Equal(["RS001", "RS003"], findings.Select(f => f.Rule.Id));
            Assert.True(findings[0].Impact.RankingNs > 1000 * findings[1].Impact.RankingNs);
        }

        [Fact]
        public void Given_a_lock_inside_a_spawned_closure_When_the_spawn_is_in_a_loop_Then_the_lock_counts_per_task_not_per_item()
        {
            const string code = "fn f(chunks: &[Vec<u32>], m: &Mutex<u64>) {\n    for chunk in chunks {\n        std::thread::spawn(move || {\n            let n = chunk.len();\n            *m.lock().unwrap() += n;\n        });\n    }\n}\n";

            Assert.Empty(RuleFixture.Run([RuleWithId("RS009")], code, "f.rs"));
        }

        [Fact]
        public void Given_hot_code_in_a_cfg_test_module_When_reviewed_Then_no_rust_rule_reports_it()
        {
            const string hot = "fn f(ids: &[u32], m: &Mutex<u32>) {\n    let mut seen = Vec::new();\n    for id in ids {\n        if !seen.contains(id) { seen.push(*id); }\n        *m.lock().unwrap() += 1;\n        debug!(\"{}\", id.to_string());\n    }\n}\n";
            var inTests = "#[cfg(test)]\nmod tests {\n" + hot + "}\n";

            Assert.NotEmpty(RunAll(hot, "lib.rs"));
            Assert.Empty(RunAll(inTests, "lib.rs"));
            Assert.Empty(RunAll(hot, "tests.rs"));
        }

        [Fact]
        public void Given_a_small_pub_fn_When_the_file_is_a_binary_Then_missing_inline_stays_silent()
        {
            const string code = "pub fn luminance(px: Rgb) -> u8 {\n    weighted_sum(px.r, px.g, px.b)\n}\n\nfn main() {\n    luminance(Rgb::default());\n}\n";

            Assert.Empty(RuleFixture.Run([RuleWithId("RS008")], code, "tool.rs"));
            Assert.Single(RuleFixture.Run([RuleWithId("RS008")], code.Replace("fn main", "fn other", StringComparison.Ordinal), "lib.rs"));
        }

        [Fact]
        public void Given_a_small_pub_fn_When_another_reviewed_crate_calls_it_per_pixel_Then_missing_inline_gains_confidence()
        {
            const string library = "pub fn luminance(px: Rgb) -> u8 {\n    weighted_sum(px.r, px.g, px.b)\n}\n";
            const string caller = "fn render(pixels: &[Rgb]) {\n    for px in pixels {\n        out.push(imaging::luminance(*px));\n    }\n}\n";

            var alone = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "imaging/src/lib.rs"));
            var called = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "imaging/src/lib.rs", (caller, "app/src/render.rs")));

            // `imaging::luminance(…)` resolves to the one free `fn luminance` of the reviewed code: the call per pixel is evidence.
            Assert.Equal(Confidence.Low, alone.Confidence);
            Assert.NotEqual(Confidence.Low, called.Confidence);
            Assert.True(called.Evidence.PerItemResolved);
            Assert.Contains(called.Evidence.Facts, f => f.Contains("called from a loop at app/src/render.rs:3 (resolved", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("fn render(pixels: &[Rgb], m: &mut Mixer) {\n    for px in pixels {\n        m.luminance(*px);\n    }\n}\n")]
        [InlineData("fn render(pixels: &[Rgb]) {\n    let mut m = Mixer::new();\n    for px in pixels {\n        m.luminance(*px);\n    }\n}\n")]
        [InlineData("struct Renderer {\n    mixer: Arc<Mixer>,\n}\n\nimpl Renderer {\n    fn render(&self, pixels: &[Rgb]) {\n        for px in pixels {\n            self.mixer.luminance(*px);\n        }\n    }\n}\n")]
        public void Given_a_method_called_per_pixel_on_a_receiver_of_declared_type_When_reviewed_together_Then_it_resolves(string caller)
        {
            const string library = "pub struct Mixer;\n\nimpl Mixer {\n    pub fn luminance(&self, px: Rgb) -> u8 {\n        weighted_sum(px.r, px.g, px.b)\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "imaging/src/lib.rs", (caller, "app/src/render.rs")));

            Assert.True(finding.Evidence.PerItemResolved);
        }

        [Fact]
        public void Given_a_function_called_in_a_loop_only_by_a_test_When_reviewed_together_Then_the_test_is_not_evidence()
        {
            // Calibration (ripgrep crates/ignore/src/types.rs:372): `definitions()` called in a loop by a `#[cfg(test)]` test.
            const string library = "pub struct Types { defs: Vec<Def> }\n\nimpl Types {\n    pub fn definitions(&self) -> Vec<Def> {\n        let mut defs = vec![];\n        for def in self.defs.iter() {\n            defs.push(def.clone());\n        }\n        defs\n    }\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn stable() {\n        let t = Types::new();\n        for _ in 0..3 {\n            assert_eq!(t.definitions(), t.definitions());\n        }\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS002")], library, "src/types.rs"));

            Assert.False(finding.Evidence.PerItemResolved);
            Assert.Equal(Confidence.Low, finding.Confidence);
        }

        [Fact]
        public void Given_a_small_pub_fn_When_only_its_own_crate_calls_it_per_item_Then_missing_inline_stays_low()
        {
            // Calibration (ripgrep crates/ignore/src/walk.rs:38): `DirEntry::path` called per entry by the same crate, which
            // inlines it without the attribute.
            const string library = "pub struct Entry { dent: Inner }\n\nimpl Entry {\n    pub fn path(&self, base: &Path) -> &Path {\n        self.dent.resolve(base)\n    }\n}\n";
            const string walker = "struct Walk {\n    entry: Entry,\n}\n\nimpl Walk {\n    fn visit(&self, names: &[Name]) {\n        for name in names {\n            seen(self.entry.path(name.base()));\n        }\n    }\n}\n";

            var sameCrate = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "crates/ignore/src/entry.rs", (walker, "crates/ignore/src/walk.rs")));
            var otherCrate = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "crates/ignore/src/entry.rs", (walker, "crates/core/src/walk.rs")));

            Assert.Equal(Confidence.Low, sameCrate.Confidence);
            Assert.NotEqual(Confidence.Low, otherCrate.Confidence);
            Assert.True(otherCrate.Evidence.PerItemResolved);
        }

        [Theory]
        [InlineData("PydanticCustomError", "impl PydanticCustomError {\n    pub fn format_message(&self, ctx: &[(String, u32)]) -> String {\n        let mut out = String::new();\n        for (k, v) in ctx {\n            out.push_str(&format!(\"{k}={v}\"));\n        }\n        out\n    }\n}\n")]
        [InlineData("ParseError", "impl std::fmt::Display for ParseError {\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        let mut out = String::new();\n        for (k, v) in &self.ctx {\n            out.push_str(&format!(\"{k}={v}\"));\n        }\n        f.write_str(&out)\n    }\n}\n")]
        public void Given_a_string_built_per_item_in_a_method_of_an_error_type_When_reviewed_Then_it_is_low_and_says_it_is_the_error_path(string type, string code)
        {
            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "src/errors.rs"));

            // Calibration (calibration/verdicts.tsv, pydantic-core value_exception.rs): rendering an error runs when something
            // failed, not per item of the success path.
            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains($"error type `{type}`", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_vec_built_once_per_call_with_nothing_showing_the_call_repeats_When_reviewed_Then_missing_capacity_is_low()
        {
            const string code = "fn literals(patterns: &[String]) -> Vec<Hir> {\n    let mut alts = vec![];\n    for p in patterns.iter() {\n        alts.push(Hir::literal(p.as_bytes()));\n    }\n    alts\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS002")], code, "src/config.rs"));

            // Calibration (calibration/verdicts.tsv, ripgrep config.rs and literal.rs): a matcher built once per search.
            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("built once per call", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_vec_built_anew_for_every_item_of_an_outer_loop_When_reviewed_Then_missing_capacity_keeps_its_confidence()
        {
            const string code = "fn rows(xs: &[u32], gains: &[u32]) -> usize {\n    let mut total = 0;\n    for g in gains {\n        let mut out = Vec::new();\n        for x in xs {\n            out.push(x * g);\n        }\n        total += out.len();\n    }\n    total\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS002")], code, "src/rows.rs"));

            Assert.NotEqual(Confidence.Low, finding.Confidence);
            Assert.DoesNotContain(finding.Evidence.Facts, f => f.Contains("built once per call", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_the_same_loop_in_a_method_of_an_ordinary_type_When_reviewed_Then_it_is_not_demoted_as_an_error_path()
        {
            const string code = "impl Report {\n    pub fn render(&self, ctx: &[(String, u32)]) -> String {\n        let mut out = String::new();\n        for (k, v) in ctx {\n            out.push_str(&format!(\"{k}={v}\"));\n        }\n        out\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "src/report.rs"));

            Assert.DoesNotContain(finding.Evidence.Facts, f => f.Contains("error type", StringComparison.Ordinal));
            Assert.NotEqual(Confidence.Low, finding.Confidence);
        }

        [Fact]
        public void Given_a_small_function_named_like_a_standard_method_When_some_loop_calls_that_method_Then_it_is_not_per_item()
        {
            // `v.len()` in a loop elsewhere says nothing about the library's own `fn len`.
            const string library = "pub struct Bag { items: Inner }\n\nimpl Bag {\n    pub fn len(&self, extra: usize) -> usize {\n        self.items.count_all() + extra\n    }\n}\n";
            const string caller = "fn main() {\n    for v in vs {\n        total += v.len();\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS008")], library, "bag/src/lib.rs", (caller, "app/src/main.rs")));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Empty(finding.Edits);
        }

        [Fact]
        public void Given_a_lock_per_item_in_a_loop_that_also_stats_a_path_per_item_When_reviewed_Then_it_is_low_and_names_the_io()
        {
            // Calibration (ripgrep crates/ignore/src/dir.rs:228): the write lock per ancestor sits beside a `.exists()` per ancestor.
            const string code = "fn add_parents(&self, parents: Vec<&Path>) {\n    for parent in parents {\n        let mut compiled = self.compiled.write().unwrap();\n        let has_git = parent.join(\".git\").exists();\n        compiled.insert(parent.to_path_buf(), has_git);\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS009")], code, "src/dir.rs"));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains("also does I/O, `parent.join(\".git\").exists()` (line 4)", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_lock_per_item_whose_io_runs_only_on_the_error_path_When_reviewed_Then_it_keeps_its_confidence()
        {
            const string code = "fn tally(&self, readings: &[Reading]) -> Result<(), Error> {\n    for reading in readings {\n        let mut totals = self.totals.lock().unwrap();\n        if reading.value < 0 {\n            return Err(Error::new(std::fs::read_to_string(\"/etc/hint\")?));\n        }\n        *totals.entry(reading.sensor).or_insert(0) += reading.value;\n    }\n    Ok(())\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS009")], code, "src/tally.rs"));

            Assert.NotEqual(Confidence.Low, finding.Confidence);
            Assert.DoesNotContain(finding.Evidence.Facts, f => f.Contains("also does I/O", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("impl BuildValidator for TaggedUnionValidator {\n    fn build(schema: &Schema) -> PyResult<Self> {\n        let mut tags = String::new();\n        for (key, choice) in schema.choices() {\n            tags.push_str(&format!(\"{key}: {choice}\"));\n        }\n        Ok(Self { tags })\n    }\n}\n", "`TaggedUnionValidator::build`")]
        [InlineData("impl Router {\n    pub fn new(routes: &[Route]) -> Self {\n        let mut names = String::new();\n        for route in routes {\n            names.push_str(&format!(\"{}|\", route.path));\n        }\n        Self { names }\n    }\n}\n", "`Router::new`")]
        public void Given_a_string_built_per_item_in_a_constructor_When_reviewed_Then_it_is_low_and_names_the_constructor(string code, string constructor)
        {
            // Calibration (pydantic-core src/validators/union.rs:314): a repr per choice while a validator is built from its schema.
            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "src/build.rs"));

            Assert.Equal(Confidence.Low, finding.Confidence);
            Assert.Contains(finding.Evidence.Facts, f => f.Contains($"in the constructor {constructor}", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_the_same_loop_in_a_method_that_takes_self_When_reviewed_Then_it_is_not_a_constructor()
        {
            const string code = "impl Router {\n    pub fn new_names(&self, routes: &[Route]) -> String {\n        let mut names = String::new();\n        for route in routes {\n            names.push_str(&format!(\"{}|\", route.path));\n        }\n        names\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "src/router.rs"));

            Assert.NotEqual(Confidence.Low, finding.Confidence);
            Assert.DoesNotContain(finding.Evidence.Facts, f => f.Contains("constructor", StringComparison.Ordinal));
        }
    }

    public sealed class Messages
    {
        [Fact]
        public void Given_a_padded_repr_c_struct_When_reported_Then_the_message_states_bytes_before_and_after()
        {
            const string code = "#[repr(C)]\nstruct SampleHeader {\n    valid: bool,\n    timestamp_ns: u64,\n    channel: u32,\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS007")], code, "h.rs"));

            Assert.Contains("11 bytes of padding", finding.Message, StringComparison.Ordinal);
            Assert.Contains("24 bytes", finding.Message, StringComparison.Ordinal);
            Assert.Contains("24 → 16 bytes", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("timestamp_ns: u64, channel: u32, valid: bool", finding.Fix, StringComparison.Ordinal);
            Assert.Equal("SampleHeader", code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Fact]
        public void Given_a_nested_key_match_When_reported_Then_message_names_the_comparison_the_scanned_collection_and_the_outer_loop()
        {
            const string code = "fn f(invoices: &[Invoice], customers: &[Customer]) {\n    for inv in invoices {\n        let c = customers.iter().find(|c| c.id == inv.customer_id);\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS001")], code, "f.rs"));

            Assert.Contains("`c.id == inv.customer_id`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("`customers`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("`for inv in invoices`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("HashMap", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("by_key.get(&inv.customer_id)", finding.Fix, StringComparison.Ordinal);
            Assert.Equal("c.id == inv.customer_id", code.Substring(finding.Span.Start, finding.Span.Length));
            Assert.NotNull(finding.ChecklistText);
        }

        [Fact]
        public void Given_a_vec_filled_over_a_range_When_reported_Then_the_fix_gives_the_capacity_expression()
        {
            const string code = "fn f(lo: usize, hi: usize) -> Vec<usize> {\n    let mut v = Vec::new();\n    for i in lo..hi {\n        v.push(i);\n    }\n    v\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS002")], code, "f.rs"));

            Assert.Contains("Vec::with_capacity(hi - lo)", finding.Fix, StringComparison.Ordinal);
            Assert.Equal("Vec::new()", code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Fact]
        public void Given_a_lookup_key_built_per_iteration_When_reported_Then_the_fix_proposes_a_str_lookup()
        {
            const string code = "fn f(keys: &[&str], map: &HashMap<String, u32>) {\n    for k in keys {\n        map.get(&k.to_string());\n    }\n}\n";

            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "f.rs"));

            Assert.Contains("&str", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("Small String allocation", finding.Impact.CostSource, StringComparison.Ordinal);
            Assert.Equal("k.to_string()", code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Theory]
        [InlineData("fn report(names: &[&str], out: &mut String) {\n    for n in names {\n        out.push_str(&format!(\"  {n}\\n\"));\n    }\n}\n", Confidence.High)]
        [InlineData("fn report(names: &[&str], out: &mut Stdout) {\n    for n in names {\n        let mut line = String::new();\n        line.push_str(&format!(\"  {n}\\n\"));\n        out.flush();\n    }\n}\n", Confidence.Low)]
        [InlineData("fn report(names: &[&str], out: &mut Term) {\n    for n in names {\n        emit(out, &format!(\"  {n}\\n\"));\n    }\n}\n\nfn emit(out: &mut Term, s: &str) {\n    out.write_all(s.as_bytes());\n}\n", Confidence.Low)]
        public void Given_a_string_built_per_pass_When_the_pass_also_writes_out_Then_the_finding_ranks_low(string code, Confidence expected)
        {
            // A pass that writes to a file or the terminal, directly or through a function of the reviewed code, costs
            // microseconds: one small allocation is noise there.
            var finding = Assert.Single(RuleFixture.Run([RuleWithId("RS004")], code, "report.rs"));

            Assert.Equal(expected, finding.Confidence);
        }
    }

    public sealed class Robustness
    {
        public static TheoryData<string> BrokenSources() =>
        [
            "fn f(xs: &[u32]) {\n    for x in xs {\n        if seen.contains(",
            "#[repr(C)]\nstruct S { a: bool, b: u64",
            "async fn g(m: &Mutex<u8>) {\n    let g = m.lock().unwrap();\n    x.await",
            "pub fn h() -> u8 { f(",
            "let = Box::new(; for in { tokio::spawn(async move { }",
            "}}}])) fn ( for for loop { debug!(format!(",
            "fn f() { let s = x.clone(); println!(\"{s\" }",
            "impl<T> { pub fn }",
            "",
        ];

        [Theory]
        [MemberData(nameof(BrokenSources))]
        public void Given_broken_code_When_every_rust_rule_runs_Then_none_throws(string code)
        {
            var findings = RunAll(code, "broken.rs");

            Assert.NotNull(findings);
        }

        [Fact]
        public void Given_every_prefix_of_the_fixtures_When_every_rust_rule_runs_Then_none_throws()
        {
            var sources = RustRules.All.Select(r => File.ReadAllText(RuleFixture.FixturePath(r.Descriptor))).ToList();
            var reviewed = 0;

            foreach (var source in sources)
            {
                for (var length = 0; length < source.Length; length += 97)
                {
                    var tree = SyntaxParsers.Parse(SourceText.From(source[..length], "cut.rs"), "cut.rs")!;
                    _ = new ChecklistReview(RuleFixture.Skill, RustRules.All).Review([tree]);
                    reviewed++;
                }
            }

            Assert.True(reviewed > 100);
        }
    }
}
