using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;
using SkillHost.Analysis.Rules.Python;
using SkillHost.Analysis.Rules.Rust;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rules;

/// <summary>
/// The rules that know a fix which keeps behaviour hand it over as edits (PY002, PY007, PY009, RS002, RS003, RS008): applied, the
/// edits give the code below; where the fix would change meaning or not compile, the finding stands without edits.
/// </summary>
public sealed class MechanicalFixTests
{
    // Every finding's edits applied together, as `review --format diff` combines them (an edit two findings share, once).
    private static (string Fixed, IReadOnlyList<Finding> Findings) Fix(Rule rule, string code, string path)
    {
        var findings = RuleFixture.Run([rule], code, path);
        var edits = MechanicalFixes.Combine(findings, SourceText.From(code, path), out var stale);
        Assert.False(stale);
        return (SourceEdit.Apply(code, edits), findings);
    }

    private static void AssertFixed(Rule rule, string code, string expected, string path = "app.py")
    {
        var (fixedCode, findings) = Fix(rule, code, path);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.NotEmpty(f.Edits));
        Assert.Equal(expected, fixedCode);
    }

    private static void AssertFlaggedWithoutEdits(Rule rule, string code, string path = "app.py")
    {
        var findings = RuleFixture.Run([rule], code, path);
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Empty(f.Edits));
    }

    [Fact]
    public void Given_time_sleep_in_an_async_def_When_fixed_Then_it_awaits_asyncio_sleep_and_imports_asyncio_once_beside_time()
    {
        const string code = "import json\nimport time\n\n\nasync def poll(items):\n    for item in items:\n        time.sleep(0.5)\n    time.sleep(1)\n";

        var (fixedCode, findings) = Fix(new BlockingCallInAsyncFunction(), code, "app.py");

        Assert.Equal(2, findings.Count);
        Assert.Equal("import json\nimport asyncio\nimport time\n\n\nasync def poll(items):\n    for item in items:\n        await asyncio.sleep(0.5)\n    await asyncio.sleep(1)\n", fixedCode);
        Assert.Equal(new LinePosition(2, 1), findings[0].Edits[0].Start);
        Assert.Equal("", findings[0].Edits[0].OldText);
    }

    [Fact]
    public void Given_asyncio_already_imported_or_sleep_imported_from_time_When_fixed_Then_only_the_call_changes_or_the_import_joins_that_line()
    {
        AssertFixed(
            new BlockingCallInAsyncFunction(),
            "import asyncio\nimport time\n\nasync def f():\n    time.sleep(2)\n",
            "import asyncio\nimport time\n\nasync def f():\n    await asyncio.sleep(2)\n");
        AssertFixed(
            new BlockingCallInAsyncFunction(),
            "from time import sleep\r\n\r\nasync def f():\r\n    sleep(2)\r\n",
            "import asyncio\r\nfrom time import sleep\r\n\r\nasync def f():\r\n    await asyncio.sleep(2)\r\n");
        AssertFixed(
            new BlockingCallInAsyncFunction(),
            "import time\r\rasync def f():\r    time.sleep(2)\r",
            "import asyncio\rimport time\r\rasync def f():\r    await asyncio.sleep(2)\r");
    }

    [Fact]
    public void Given_a_sleep_where_await_would_change_meaning_When_reviewed_Then_it_is_flagged_without_edits()
    {
        // A generator expression with `await` becomes an async generator; a rebound `asyncio` is not the module.
        AssertFlaggedWithoutEdits(new BlockingCallInAsyncFunction(), "import time\n\nasync def f(xs):\n    return list(time.sleep(x) for x in xs)\n");
        AssertFlaggedWithoutEdits(new BlockingCallInAsyncFunction(), "import time\n\nasyncio = None\n\nasync def f():\n    time.sleep(1)\n");
        AssertFlaggedWithoutEdits(new BlockingCallInAsyncFunction(), "import time\n\nasync def f():\n    time.sleep(secs=1)\n");
        // Other blocking calls need a different client: no mechanical fix.
        AssertFlaggedWithoutEdits(new BlockingCallInAsyncFunction(), "import requests\n\nasync def f(u):\n    return requests.get(u)\n");
    }

    [Theory]
    [InlineData("def f(xs):\n    return sum([x.n for x in xs])\n", "def f(xs):\n    return sum(x.n for x in xs)\n")]
    [InlineData("def f(xs):\n    return max([len(x) for x in xs])\n", "def f(xs):\n    return max(len(x) for x in xs)\n")]
    [InlineData("def f(xs):\n    return set([x.key for x in xs])\n", "def f(xs):\n    return {x.key for x in xs}\n")]
    [InlineData("def f(xs):\n    return list([x.key for x in xs])\n", "def f(xs):\n    return [x.key for x in xs]\n")]
    [InlineData("def f(xs):\n    return any([x > 0 for x in xs])\n", "def f(xs):\n    return any(x > 0 for x in xs)\n")]
    [InlineData("def f(xs):\n    return sum([x for x in xs],)\n", "def f(xs):\n    return sum((x for x in xs),)\n")]
    public void Given_a_throwaway_list_comprehension_When_fixed_Then_the_consumer_takes_a_generator(string code, string expected) =>
        AssertFixed(new ThrowawayList(), code, expected);

    [Theory]
    // `any`/`all` stop early: a call in the element would no longer run for the rest.
    [InlineData("def f(xs):\n    return any([check(x) for x in xs])\n")]
    // A list iterated later is a snapshot: the code in between may change its source.
    [InlineData("def f(xs):\n    ys = [x * 2 for x in xs]\n    for y in ys:\n        print(y)\n")]
    public void Given_a_throwaway_list_whose_generator_form_could_behave_differently_When_reviewed_Then_it_has_no_edits(string code) =>
        AssertFlaggedWithoutEdits(new ThrowawayList(), code);

    // `await` in a generator expression makes an async generator, which no builtin consumer accepts: nothing to report.
    [Fact]
    public void Given_a_list_comprehension_with_await_When_reviewed_Then_it_is_not_flagged() =>
        Assert.Empty(RuleFixture.Run([new ThrowawayList()], "async def f(xs):\n    return sum([await g(x) for x in xs])\n", "f.py"));

    private const string LogHeader = "import logging\nlog = logging.getLogger(__name__)\n\ndef f(items, d, y, n):\n    for x in items:\n        ";

    // Each rewrite was checked when this test was written by running both forms under CPython 3.13's logging at DEBUG:
    // the emitted messages were identical.
    [Theory]
    [InlineData("log.debug(f\"plain {x}\")", "log.debug(\"plain %s\", x)")]
    [InlineData("log.debug(f\"repr {x!r} str {x!s} ascii {x!a}\")", "log.debug(\"repr %r str %s ascii %a\", x, x, x)")]
    [InlineData("log.debug(f\"100% of {n} and {{braces}}\")", "log.debug(\"100%% of %s and {braces}\", n)")]
    [InlineData("log.debug(f'float {y:.2f} exp {y:e} width {n:5d} zero {n:05d} hex {n:x}')", "log.debug('float %.2f exp %e width %5d zero %05d hex %x', y, y, n, n, n)")]
    [InlineData("log.debug(f\"dict {d['k']}\")", "log.debug(\"dict %s\", d['k'])")]
    [InlineData("log.debug(f\"tuple {x, n} call {len(items)}\")", "log.debug(\"tuple %s call %s\", (x, n), len(items))")]
    [InlineData("log.debug(rf\"raw \\d {x}\")", "log.debug(r\"raw \\d %s\", x)")]
    [InlineData("log.debug(f\"no fields at 100%\")", "log.debug(\"no fields at 100%\")")]
    [InlineData("log.info(F\"upper {x}\")", "log.info(\"upper %s\", x)")]
    [InlineData("log.log(logging.DEBUG, f\"at {x}\")", "log.log(logging.DEBUG, \"at %s\", x)")]
    public void Given_an_f_string_log_message_in_a_loop_When_fixed_Then_the_values_become_lazy_arguments(string call, string expected) =>
        AssertFixed(new EagerLogFormattingInLoop(), LogHeader + call + "\n", LogHeader + expected + "\n");

    [Theory]
    [InlineData("log.debug(f\"eq {x=}\")")]               // `=` prints the expression's text too
    [InlineData("log.debug(f\"nested {y:{n}}\")")]        // a field inside the spec
    [InlineData("log.debug(f\"thousands {n:,}\")")]       // `%` has no `,`
    [InlineData("log.debug(f\"both {x!r:>10}\")")]        // conversion and spec together
    [InlineData("log.debug(f\"concat {x}\" \" tail\")")]  // implicit concatenation
    [InlineData("log.debug(f\"args {x}\", n)")]           // logging would %-format the f-string's result with n
    [InlineData("log.debug(\"%s\" % x)")]                 // a % expression: the operand may be a tuple at run time
    public void Given_a_log_message_whose_lazy_form_could_print_differently_When_reviewed_Then_it_has_no_edits(string call) =>
        AssertFlaggedWithoutEdits(new EagerLogFormattingInLoop(), LogHeader + call + "\n");

    [Theory]
    [InlineData("fn f(readings: &[u32]) -> Vec<u32> {\n    let mut out = Vec::new();\n    for r in readings {\n        out.push(r * 2);\n    }\n    out\n}\n",
                "fn f(readings: &[u32]) -> Vec<u32> {\n    let mut out = Vec::with_capacity(readings.len());\n    for r in readings {\n        out.push(r * 2);\n    }\n    out\n}\n")]
    [InlineData("fn f(n: usize) -> Vec<usize> {\n    let mut out = Vec::<usize>::new();\n    for i in 0..n {\n        out.push(i);\n    }\n    out\n}\n",
                "fn f(n: usize) -> Vec<usize> {\n    let mut out = Vec::<usize>::with_capacity(n);\n    for i in 0..n {\n        out.push(i);\n    }\n    out\n}\n")]
    [InlineData("fn f(line: &str) -> String {\n    let mut s = String::new();\n    for c in line.chars() {\n        s.push(c);\n    }\n    s\n}\n",
                "fn f(line: &str) -> String {\n    let mut s = String::with_capacity(line.len());\n    for c in line.chars() {\n        s.push(c);\n    }\n    s\n}\n")]
    public void Given_a_collection_grown_from_empty_over_a_known_length_When_fixed_Then_it_starts_with_that_capacity(string code, string expected) =>
        AssertFixed(new GrowFromEmptyWithKnownLength(), code, expected, "src/main.rs");

    [Theory]
    // The length's name is bound after the `let`: `with_capacity` there would not compile.
    [InlineData("fn f() -> Vec<u32> {\n    let mut out = Vec::new();\n    let items: Vec<u32> = load();\n    for r in items.iter() {\n        out.push(*r);\n    }\n    out\n}\n")]
    // A call in the length would run twice.
    [InlineData("fn f() -> Vec<usize> {\n    let mut out = Vec::new();\n    for i in 0..count() {\n        out.push(i);\n    }\n    out\n}\n")]
    public void Given_a_length_that_would_not_compile_or_would_run_twice_at_the_let_When_reviewed_Then_it_has_no_edits(string code) =>
        AssertFlaggedWithoutEdits(new GrowFromEmptyWithKnownLength(), code, "src/main.rs");

    // The fixed file below compiled with rustc 2021 (as a library) when this test was written, as did the original.
    [Fact]
    public void Given_clones_that_are_only_formatted_or_a_fields_copy_lent_or_compared_When_fixed_Then_the_original_is_used()
    {
        const string code = "pub fn label(p: &Parcel) -> String {\n    let recipient = p.recipient.clone();\n    format!(\"to {}\", recipient)\n}\n"
            + "pub fn show(keys: &[Key]) -> usize {\n    let mut total = 0;\n    for key in keys {\n        total += lookup(&key.name.clone());\n        println!(\"{}\", key.name.clone());\n        if key.name.clone() == \"x\" { total += 1; }\n    }\n    total\n}\n";

        AssertFixed(
            new CloneOnlyRead(),
            code,
            code.Replace("p.recipient.clone()", "&p.recipient", StringComparison.Ordinal).Replace("key.name.clone()", "key.name", StringComparison.Ordinal),
            "src/main.rs");
    }

    [Theory]
    // A bare name may be a reference: `&name` would then be a `&&T` where the code had a `&T`.
    [InlineData("fn f(name: &String) -> usize {\n    let mut n = 0;\n    for _ in 0..3 {\n        n += lookup(&name.clone());\n    }\n    n\n}\n")]
    // A binding that is borrowed, not only formatted, would become a reference to a reference.
    [InlineData("fn f(p: &Parcel) -> usize {\n    let recipient = p.recipient.clone();\n    lookup(&recipient)\n}\n")]
    public void Given_a_clone_whose_removal_could_change_a_type_When_reviewed_Then_it_has_no_edits(string code) =>
        AssertFlaggedWithoutEdits(new CloneOnlyRead(), code, "src/main.rs");

    [Fact]
    public void Given_a_small_public_function_of_a_library_called_in_a_loop_When_fixed_Then_inline_goes_on_its_own_line_above_the_signature_indented_alike()
    {
        const string code = "pub struct Rgb(u8);\n\nimpl Rgb {\n    /// Luma.\n    #[must_use]\n    pub fn luma(&self, k: u8) -> u8 {\n        weigh(self.0, k)\n    }\n}\n\n"
            + "pub fn total(px: &[Rgb]) -> u32 {\n    let mut sum = 0;\n    for p in px {\n        sum += p.luma(2) as u32;\n    }\n    sum\n}\n";

        AssertFixed(
            new SmallPublicFunctionWithoutInline(),
            code,
            code.Replace("    #[must_use]\n", "    #[must_use]\n    #[inline]\n", StringComparison.Ordinal),
            "src/lib.rs");
    }

    [Theory]
    [InlineData("#[must_use] pub fn luma(k: u8) -> u8 {\n    weigh(k)\n}\n\npub fn all(ks: &[u8]) {\n    for k in ks {\n        luma(*k);\n    }\n}\n")]
    // Not called in a loop here: the advice is to benchmark first, so no patch adds the attribute.
    [InlineData("pub fn luma(k: u8) -> u8 {\n    weigh(k)\n}\n")]
    public void Given_a_signature_sharing_its_line_or_a_function_no_reviewed_loop_calls_When_reviewed_Then_it_has_no_edits(string code) =>
        AssertFlaggedWithoutEdits(new SmallPublicFunctionWithoutInline(), code, "src/lib.rs");
}
