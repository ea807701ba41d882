using SkillHost.Analysis.Classification;
using SkillHost.Analysis.Review;
using SkillHost.Analysis.Rules;

namespace SkillHost.Analysis.Tests.Workflow;

/// <summary>Step 1 per file and per function, with the skill's advice for each class.</summary>
public sealed class CodeClassifierTests
{
    private static FileClassification Classify(string code, string path, params (string Code, string Path)[] others)
    {
        var inputs = new[] { new SourceInput(code, path) }.Concat(others.Select(o => new SourceInput(o.Code, o.Path))).ToList();
        var (files, skipped) = WorkflowFixture.Workflow.Classify(inputs);
        Assert.Empty(skipped);
        return files[0];
    }

    private static CodeClassification Function(FileClassification file, string name) => file.Functions.Single(f => f.Name == name).Classification;

    public sealed class Files
    {
        [Theory]
        [InlineData("tests/test_orders.py", "def test_total():\n    assert total([]) == 0\n")]
        [InlineData("orders_check.py", "import pytest\n\ndef test_total():\n    assert total([]) == 0\n")]
        [InlineData("src/lib_tests.rs", "#![cfg(test)]\nfn helper() {}\n")]
        public void Given_test_code_When_classified_Then_it_is_test_code_with_evidence(string path, string code)
        {
            var file = Classify(code, path);

            Assert.Equal(CodeClass.Test, file.File.Class);
            Assert.NotEmpty(file.File.Evidence);
        }

        [Fact]
        public void Given_a_script_with_a_main_guard_and_a_per_item_function_Then_it_is_hot_application_code()
        {
            var code = "import argparse\n\ndef parse(line):\n    return line.split(',')\n\ndef main():\n    for line in open('x'):\n        parse(line)\n\nif __name__ == \"__main__\":\n    main()\n";

            var file = Classify(code, "tool.py");

            Assert.Equal(CodeClass.ApplicationHot, file.File.Class);
            Assert.Equal(Confidence.High, file.File.Confidence);
            Assert.Contains(file.File.Evidence, e => e.Fact.Contains("__main__", StringComparison.Ordinal) && e.Line == 10);
            Assert.Equal(CodeClass.ApplicationHot, Function(file, "parse").Class);
            Assert.Equal(CodeClass.ApplicationCold, Function(file, "main").Class);
        }

        [Fact]
        public void Given_a_rust_lib_root_Then_it_is_library_code()
        {
            var file = Classify("pub fn area(w: u32, h: u32) -> u32 {\n    w * h\n}\n", "src/lib.rs");

            Assert.Equal(CodeClass.Library, file.File.Class);
            Assert.Contains(file.File.Evidence, e => e.Fact.Contains("lib.rs", StringComparison.Ordinal));
            Assert.Equal(CodeClass.Library, Function(file, "area").Class);
        }

        [Fact]
        public void Given_a_rust_binary_Then_main_is_cold()
        {
            var file = Classify("fn main() {\n    let config = load();\n    run(config);\n}\n", "src/main.rs");

            Assert.Equal(CodeClass.ApplicationCold, file.File.Class);
            Assert.Equal(CodeClass.ApplicationCold, Function(file, "main").Class);
        }
    }

    public sealed class Functions
    {
        [Fact]
        public void Given_a_flask_route_Then_the_handler_is_hot_and_init_is_cold()
        {
            var code = "from flask import Flask\napp = Flask(__name__)\n\nclass Store:\n    def __init__(self):\n        self.items = {}\n\n@app.route(\"/orders\")\ndef orders():\n    return list_orders()\n";

            var file = Classify(code, "web.py");

            var handler = Function(file, "orders");
            Assert.Equal(CodeClass.ApplicationHot, handler.Class);
            Assert.Contains(handler.Evidence, e => e.Fact.Contains("@app.route", StringComparison.Ordinal) && e.Line == 8);
            Assert.Equal(CodeClass.ApplicationCold, Function(file, "__init__").Class);
            Assert.Contains(file.Functions, f => f.Name == FunctionClassification.ModuleLevel && f.Classification.Class == CodeClass.ApplicationCold);
        }

        [Fact]
        public void Given_rust_tests_in_a_cfg_test_module_Then_they_are_test_code_and_the_rest_is_not()
        {
            var code = "pub fn double(x: u32) -> u32 {\n    x * 2\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn doubles() {\n        assert_eq!(super::double(2), 4);\n    }\n}\n";

            var file = Classify(code, "src/math.rs");

            Assert.Equal(CodeClass.Test, Function(file, "doubles").Class);
            Assert.Equal(CodeClass.Library, Function(file, "double").Class);
        }

        [Fact]
        public void Given_a_pyfunction_python_calls_in_a_loop_Then_it_is_hot_across_files()
        {
            var rust = "use pyo3::prelude::*;\n\n#[pyfunction]\nfn score(x: i64) -> i64 {\n    x * 3\n}\n";
            var python = "from native import score\n\ndef total(rows):\n    return sum(score(r) for r in rows)\n";

            var file = Classify(rust, "src/lib.rs", (python, "app/total.py"));

            var score = Function(file, "score");
            Assert.Equal(CodeClass.ApplicationHot, score.Class);
            Assert.Contains(score.Evidence, e => e.Fact.Contains("#[pyfunction]", StringComparison.Ordinal));
        }

        [Fact]
        public void Given_a_function_started_as_a_task_Then_it_is_hot()
        {
            var code = "import asyncio\n\nasync def fetch(url):\n    return url\n\nasync def run(urls):\n    tasks = [asyncio.create_task(fetch(u)) for u in urls]\n    return await asyncio.gather(*tasks)\n";

            var file = Classify(code, "crawl.py");

            Assert.Equal(CodeClass.ApplicationHot, Function(file, "fetch").Class);
        }
    }

    public sealed class Advice
    {
        [Theory]
        [InlineData("tests/test_x.py", "def test_x():\n    pass\n", CodeClass.Test, "Test code")]
        [InlineData("src/lib.rs", "pub fn area(w: u32) -> u32 {\n    w\n}\n", CodeClass.Library, "Library code")]
        [InlineData("src/main.rs", "fn main() {\n    run();\n}\n", CodeClass.ApplicationCold, "Application code")]
        [InlineData("tool.py", "def parse(x):\n    return x\n\nif __name__ == \"__main__\":\n    for x in range(9):\n        parse(x)\n", CodeClass.ApplicationHot, "Application code")]
        public void Given_code_of_each_class_Then_its_advice_is_the_skills_step_1_text(string path, string code, CodeClass codeClass, string label)
        {
            var step1 = WorkflowFixture.Skill.FindSection(s => s.Title.StartsWith("Step 1", StringComparison.Ordinal))!;
            var bullet = step1.Text.Split("\n- ").Single(b => b.Contains($"**{label}:**", StringComparison.Ordinal));
            var expected = string.Join(' ', bullet[(bullet.IndexOf(":**", StringComparison.Ordinal) + 3)..].Split('\n', StringSplitOptions.TrimEntries)).Trim();

            var file = Classify(code, path);

            Assert.Equal(codeClass, file.File.Class);
            Assert.Equal(expected, file.File.Advice);
        }

        [Fact]
        public void Given_a_classified_file_Then_every_classification_carries_advice()
        {
            var file = Classify("def test_x():\n    pass\n\ndef helper():\n    pass\n", "tests/test_x.py");

            Assert.All(file.Functions.Select(f => f.Classification).Append(file.File), c => Assert.False(string.IsNullOrWhiteSpace(c.Advice)));
        }
    }
}
