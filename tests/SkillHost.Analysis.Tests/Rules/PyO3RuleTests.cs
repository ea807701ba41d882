using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.PyO3;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rules;

public sealed class PyO3RuleTests
{
    private static Rule RuleById(string id) => PyO3Rules.All.Single(r => r.Descriptor.Id == id);

    public sealed class Fixtures
    {
        public static TheoryData<string> RuleIds => [.. PyO3Rules.All.Select(r => r.Descriptor.Id)];

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void Given_the_rule_alone_on_its_fixture_and_companions_Then_it_reports_exactly_the_marked_lines(string id)
        {
            var (expected, actual) = RuleFixture.Check(RuleById(id));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Given_PYO005_Then_its_fixture_is_python_and_its_rust_companion_is_found_by_name()
        {
            var rule = RuleById("PYO005").Descriptor;

            Assert.EndsWith("PYO005.py", RuleFixture.FixturePath(rule), StringComparison.Ordinal);
            Assert.Equal(["PYO005_native.rs"], RuleFixture.CompanionPaths(rule).Select(p => Path.GetFileName(p)));
        }

        [Fact]
        public void Given_the_python_fixture_without_rust_source_Then_only_native_looking_modules_are_reported_with_low_confidence()
        {
            var path = RuleFixture.FixturePath(RuleById("PYO005").Descriptor);

            var findings = RuleFixture.Run([RuleById("PYO005")], File.ReadAllText(path), path);

            Assert.Equal(3, findings.Count);
            Assert.Contains(findings, f => f.Message.Contains("`blake3_hex` comes from `digest_native`", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Message.Contains("`parse` comes from `fastparse_rs`", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Message.Contains("`decode` comes from `pkg.codec_native`", StringComparison.Ordinal));
            Assert.All(findings, f => Assert.Equal(Confidence.Low, f.Confidence));
        }
    }

    public sealed class SkillCodeBlocks
    {
        public static TheoryData<string, int> PyO3Blocks()
        {
            var data = new TheoryData<string, int>();
            foreach (var block in RuleFixture.Skill.Skill.CodeBlocks.Where(b => b.Slug?.StartsWith("pyo3/", StringComparison.Ordinal) == true))
            {
                data.Add($"{block.Source ?? "SKILL.md"}:{block.Line} {block.Label} {block.Slug}", block.Line);
            }

            return data;
        }

        [Fact]
        public void Given_the_bundled_skill_Then_every_pyo3_checklist_slug_has_a_BAD_block()
        {
            var badSlugs = RuleFixture.Skill.Skill.CodeBlocks.Where(b => b.Label == "BAD").Select(b => b.Slug).ToHashSet();

            Assert.All(PyO3Rules.All.Select(r => r.Descriptor.Slug), slug => Assert.Contains(slug, badSlugs));
        }

        [Theory]
        [MemberData(nameof(PyO3Blocks))]
        public void Given_a_labelled_pyo3_block_Then_BAD_triggers_its_slug_and_GOOD_stays_silent(string name, int line)
        {
            var block = RuleFixture.Skill.Skill.CodeBlocks.Single(b => b.Line == line && $"{b.Source ?? "SKILL.md"}:{b.Line} {b.Label} {b.Slug}" == name);
            var path = block.Language == "python" ? "block.py" : "block.rs";
            var rules = PyO3Rules.All.Where(r => r.Descriptor.Slug == block.Slug).ToList();

            var findings = RuleFixture.Run(rules, block.Code, path);

            Assert.NotEmpty(rules);
            if (block.Label == "BAD")
            {
                Assert.NotEmpty(findings);
            }
            else
            {
                Assert.Empty(findings);
            }
        }

        [Fact]
        public void Given_example_C_and_a_rust_file_defining_the_called_pyfunction_Then_single_item_api_is_the_top_finding()
        {
            var example = RuleFixture.Skill.Skill.Examples.Single(e => e.Id == "C");
            var python = example.Inputs.Single(b => b.Language == "python").Code;
            const string Rust = """
                use pyo3::prelude::*;

                #[pyfunction]
                fn sku_is_valid(sku: String) -> bool {
                    sku.len() == 8 && sku.chars().all(|c| c.is_ascii_alphanumeric())
                }
                """;
            var trees = new[] { (python, "app/rejects.py"), (Rust, "native/src/lib.rs") }
                .Select(f => SyntaxParsers.Parse(SourceText.From(f.Item1, f.Item2), f.Item2)!)
                .ToList();

            var findings = new ChecklistReview(RuleFixture.Skill, RuleCatalog.All).Review(trees);

            var top = findings[0];
            Assert.Equal("pyo3/single-item-api", top.Rule.Slug);
            Assert.Equal("app/rejects.py", top.Path);
            Assert.Equal(Confidence.High, top.Confidence);
            Assert.Contains("native/src/lib.rs:4", top.Message, StringComparison.Ordinal);
            Assert.Contains("PyO3 GIL acquire/release", top.Impact.Estimate!.PerPass.Row, StringComparison.Ordinal);
            Assert.True(top.Evidence.LoopDepth >= 1);
        }
    }

    public sealed class Evidence
    {
        [Fact]
        public void Given_attach_in_a_nested_loop_Then_the_evidence_counts_both_loops()
        {
            const string Code = """
                fn nested(rows: &[Vec<u8>], sink: &Py<PyAny>) {
                    for row in rows {
                        for byte in row {
                            Python::attach(|py| sink.call1(py, (*byte,)).ok());
                        }
                    }
                }
                """;

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO001")], Code, "n.rs"));

            Assert.Equal(2, finding.Evidence.LoopDepth);
            Assert.Equal(Confidence.High, finding.Confidence);
            Assert.Equal("Python::attach", Code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Fact]
        public void Given_with_gil_in_a_helper_called_from_a_loop_in_another_file_Then_it_is_reported_as_per_item()
        {
            const string Helper = "fn notify(cb: &Py<PyAny>, v: u64) { Python::with_gil(|py| cb.call1(py, (v,)).ok()); }";
            const string Caller = "fn run(cb: &Py<PyAny>, vs: &[u64]) { for v in vs { notify(cb, *v); } }";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO001")], Helper, "helper.rs", (Caller, "caller.rs")));

            Assert.True(finding.Evidence.PerItemFunction);
            // `notify(…)` resolves to the one free `fn notify` of the reviewed code: evidence, so not demoted.
            Assert.True(finding.Evidence.PerItemResolved);
            Assert.NotEqual(Confidence.Low, finding.Confidence);
        }

        [Theory]
        [InlineData("fn all(&self, names: &[String]) -> PyResult<()> { Python::attach(|py| { for n in names { self.get(n)?; } Ok(()) }) }")]
        [InlineData("fn all(&self, py: Python<'_>, names: &[String]) -> PyResult<()> { for n in names { self.get(n)?; } Ok(()) }")]
        public void Given_attach_in_a_helper_When_the_loop_that_calls_it_already_holds_the_gil_Then_it_is_silent(string caller)
        {
            // safetensors get_tensors -> get_tensor (calibration/verdicts.tsv): a nested attach only bumps a thread-local count.
            var code = "struct Open;\nimpl Open {\n    fn get(&self, name: &str) -> PyResult<()> { Python::attach(|py| touch(py, name)) }\n    " + caller + "\n}\n";

            Assert.Empty(RuleFixture.Run([RuleById("PYO001")], code, "lib.rs"));
        }

        [Fact]
        public void Given_with_gil_in_a_method_When_only_a_same_named_method_of_another_value_is_called_in_a_loop_Then_it_stays_low()
        {
            // The issue's `Builder::size` / `Other::size` case: a method on a value of unknown type is not this method.
            const string Helper = "struct Sink;\nimpl Sink {\n    fn notify(&self, cb: &Py<PyAny>, v: u64) { Python::with_gil(|py| cb.call1(py, (v,)).ok()); }\n}\n";
            const string Caller = "fn run(other: &Other, vs: &[u64]) { for v in vs { other.notify(*v); Other::notify(*v); } }";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO001")], Helper, "helper.rs", (Caller, "caller.rs")));

            Assert.False(finding.Evidence.PerItemResolved);
            Assert.Equal(Confidence.Low, finding.Confidence);
        }

        [Theory]
        [InlineData("while let Ok(m) = rx.recv()", Confidence.Low)]
        [InlineData("while let Some(m) = queue.pop()", Confidence.Medium)]
        public void Given_a_while_loop_Then_attach_per_pass_is_medium_and_low_when_the_loop_blocks_for_each_message(string header, Confidence expected)
        {
            var code = $"fn w(rx: Receiver<u8>, queue: &mut Vec<u8>, cb: Py<PyAny>) {{ {header} {{ Python::attach(|py| cb.call1(py, (m,)).ok()); }} }}";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO001")], code, "w.rs"));

            Assert.Equal(expected, finding.Confidence);
        }

        [Fact]
        public void Given_a_pyfunction_python_calls_per_item_Then_missing_allow_threads_drops_to_low_confidence_behind_single_item_api()
        {
            const string Rust = "#[pyfunction]\nfn weight(data: &[u8]) -> u64 { data.iter().map(|b| u64::from(*b)).sum() }";
            const string Python = "from native import weight\n\ndef total(blobs):\n    return sum(weight(b) for b in blobs)\n";

            var alone = RuleFixture.Run(PyO3Rules.All, Rust, "lib.rs");
            var withCaller = RuleFixture.Run(PyO3Rules.All, Rust, "lib.rs", (Python, "use.py"));
            var pythonSide = RuleFixture.Run(PyO3Rules.All, Python, "use.py", (Rust, "lib.rs"));

            Assert.Equal(Confidence.Medium, Assert.Single(alone, f => f.Rule.Id == "PYO003").Confidence);
            Assert.Equal(Confidence.Low, Assert.Single(withCaller, f => f.Rule.Id == "PYO003").Confidence);
            Assert.Equal("PYO005", Assert.Single(pythonSide).Rule.Id);
        }

        [Fact]
        public void Given_a_python_method_that_only_forwards_to_a_pymethods_method_Then_the_loop_calling_it_is_reported_through_the_wrapper()
        {
            const string Rust = "#[pymethods]\nimpl Core {\n    fn decode_one(&self, py: Python, token: u32) -> Py<PyBytes> { todo!() }\n}";
            const string Python = "class Enc:\n    def decode_one(self, token):\n        \"\"\"One token.\"\"\"\n        return self._core.decode_one(token)\n\n    def decode_all(self, tokens):\n        return [self.decode_one(t) for t in tokens]\n";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO005")], Python, "enc.py", (Rust, "src/py.rs")));

            Assert.Equal(7, finding.Start.Line);
            Assert.Contains("only returns `self._core.decode_one(token)`", finding.Message, StringComparison.Ordinal);
            Assert.Contains("`#[pymethods]` method at src/py.rs:3", finding.Message, StringComparison.Ordinal);
            Assert.Equal(Confidence.Medium, finding.Confidence);
        }

        [Fact]
        public void Given_a_wrapper_that_does_more_than_return_the_native_call_Then_nothing_is_reported()
        {
            const string Rust = "#[pymethods]\nimpl Core {\n    fn decode_one(&self, token: u32) -> u32 { token }\n}";
            const string Python = "class Enc:\n    def decode_one(self, token):\n        value = self._core.decode_one(token)\n        return value\n\n    def decode_all(self, tokens):\n        return [self.decode_one(t) for t in tokens]\n";

            Assert.Empty(RuleFixture.Run([RuleById("PYO005")], Python, "enc.py", (Rust, "src/py.rs")));
        }

        [Fact]
        public void Given_a_renamed_pyfunction_Then_python_calls_resolve_through_the_python_name()
        {
            const string Rust = "#[pyfunction]\n#[pyo3(name = \"check\")]\nfn check_sku(sku: &str) -> bool { !sku.is_empty() }";
            const string Python = "from inv import check\n\ndef bad(rows):\n    return [r for r in rows if not check(r)]\n";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO005")], Python, "use.py", (Rust, "src/lib.rs")));

            Assert.Contains("src/lib.rs:3", finding.Message, StringComparison.Ordinal);
            Assert.Equal(Confidence.High, finding.Confidence);
        }
    }

    public sealed class Messages
    {
        [Theory]
        [InlineData("with_gil", "Python::attach")]
        [InlineData("attach", "Python::with_gil")]
        public void Given_either_gil_api_name_Then_the_message_names_both(string used, string other)
        {
            var code = $"fn f(xs: &[u8], cb: &Py<PyAny>) {{ for x in xs {{ Python::{used}(|py| cb.call1(py, (*x,)).ok()); }} }}";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO001")], code, "f.rs"));

            Assert.Contains("Python::" + used, finding.Message, StringComparison.Ordinal);
            Assert.Contains(other, finding.Message, StringComparison.Ordinal);
            Assert.Contains("`for x in xs`", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_cpu_bound_pyfunction_Then_the_fix_names_detach_and_allow_threads()
        {
            const string Code = "#[pyfunction]\nfn h(data: &[u8]) -> u64 { data.iter().map(|b| u64::from(*b)).sum() }";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO003")], Code, "h.rs"));

            Assert.Contains("py.detach(", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("py.allow_threads(", finding.Fix, StringComparison.Ordinal);
            Assert.Contains("add a `py: Python<'_>` parameter", finding.Fix, StringComparison.Ordinal);
            Assert.Equal("h", Code.Substring(finding.Span.Start, finding.Span.Length));
        }

        [Fact]
        public void Given_a_vec_u8_parameter_Then_the_span_is_the_parameter_and_the_fix_offers_a_slice()
        {
            const string Code = "#[pyfunction]\nfn crc(payload: Vec<u8>) -> u32 { crc32fast::hash(&payload) }";

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO004")], Code, "c.rs"));

            Assert.Equal("payload: Vec<u8>", Code.Substring(finding.Span.Start, finding.Span.Length));
            Assert.Contains("payload: &[u8]", finding.Fix, StringComparison.Ordinal);
            Assert.Equal(Confidence.High, finding.Confidence);
        }

        [Fact]
        public void Given_rows_built_as_dicts_Then_only_the_constant_key_is_reported_and_the_fix_interns_it()
        {
            const string Code = """
                fn rows<'py>(py: Python<'py>, ids: &[u64], out: &Bound<'py, PyList>) -> PyResult<()> {
                    for id in ids {
                        let row = PyDict::new(py);
                        row.set_item("id", id)?;
                        out.append(row)?;
                    }
                    Ok(())
                }
                """;

            var finding = Assert.Single(RuleFixture.Run([RuleById("PYO002")], Code, "r.rs"));

            Assert.Equal("row.set_item(\"id\", id)", Code.Substring(finding.Span.Start, finding.Span.Length));
            Assert.Contains("intern!(py, \"id\")", finding.Fix, StringComparison.Ordinal);
        }
    }

    public sealed class Robustness
    {
        public static TheoryData<string> BrokenInputs =>
        [
            "fn f( { Python::with_gil(|py| for x in",
            "#[pyfunction]\nfn g(data: Vec<u8>",
            "#[pyfunction]\nfn g(data: Vec<u8>) -> u32 { for b in data { PyList::new(py, [b",
            "#[pymethods]\nimpl {\n fn x(&self, s: String) { s.",
            "for row in rows:\n    sku_is_valid(row.",
            "from native import (\n",
            "import\nfor x in : f(x)",
            "",
        ];

        [Theory]
        [MemberData(nameof(BrokenInputs))]
        public void Given_broken_code_Then_no_pyo3_rule_throws(string code)
        {
            foreach (var path in new[] { "x.rs", "x.py" })
            {
                var exception = Record.Exception(() => RuleFixture.Run(PyO3Rules.All, code, path, ("#[pyfunction]\nfn sku_is_valid(s: &str) -> bool { true }", "lib.rs")));

                Assert.Null(exception);
            }
        }

        [Fact]
        public void Given_every_prefix_of_the_fixtures_Then_no_pyo3_rule_throws()
        {
            foreach (var file in new[] { "PYO001.rs", "PYO002.rs", "PYO003.rs", "PYO004.rs", "PYO005.py" })
            {
                var code = File.ReadAllText(RuleFixture.FixturePath(file));
                for (var length = 0; length < code.Length; length += 37)
                {
                    var prefix = code[..length];
                    var exception = Record.Exception(() => RuleFixture.Run(PyO3Rules.All, prefix, file));

                    Assert.True(exception is null, $"{file} cut at {length}: {exception}");
                }
            }
        }
    }
}
