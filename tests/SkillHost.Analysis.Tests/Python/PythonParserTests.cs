using SkillHost.Analysis.Languages.Python;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Python;

public sealed class PythonParserTests
{
    private static SyntaxTree Parse(string code) => PythonParser.Parse(SourceText.From(code));

    private static string TextOf(SyntaxTree tree, TextSpan? span) => span is { } s ? tree.Source.ToString(s) : "<none>";

    public sealed class UnclosedComprehensions
    {
        [Theory]
        [InlineData(10)]
        [InlineData(200)]
        public void Given_n_nested_comprehensions_never_closed_When_parsed_Then_each_for_clause_is_one_loop(int n)
        {
            // Found by the fuzzer (tests/fuzz): each enclosing comprehension also took the clauses inside it, n(n+1)/2 loops.
            // The first `for` is a statement header that never reaches its colon; the n - 1 after it are comprehension clauses.
            var tree = Parse(string.Concat(Enumerable.Repeat("for x in v.iter() {\n", n)) + "x = f(1)\n");

            Assert.Equal(n - 1, tree.All<LoopNode>().Count());
        }

        [Fact]
        public void Given_closed_nested_comprehensions_When_parsed_Then_each_keeps_its_own_clauses()
        {
            var tree = Parse("y = [a for a in [b for b in xs if b] for c in ys]\n");

            Assert.Equal(["a", "c", "b"], tree.All<LoopNode>().Select(l => l.Target!).ToArray());
        }
    }

    public sealed class Calls
    {
        [Fact]
        public void Given_a_chained_call_When_parsed_Then_the_outer_call_contains_the_inner_one_as_its_receiver()
        {
            var tree = Parse("lines = open(path).readlines()\n");

            var readlines = Assert.Single(tree.All<CallNode>(), c => c.Name == "readlines");
            var open = Assert.Single(tree.All<CallNode>(), c => c.Name == "open");
            Assert.Same(open, readlines.ReceiverCall);
            Assert.Same(readlines, open.Parent);
            Assert.Equal("….readlines", readlines.Callee);
            Assert.Equal("open(path)", TextOf(tree, readlines.ReceiverSpan));
            Assert.True(readlines.IsMethodCall);
        }

        [Fact]
        public void Given_a_dotted_method_call_When_parsed_Then_callee_name_and_receiver_are_set()
        {
            var tree = Parse("v = self.cache.get(key, default=None)\n");

            var call = Assert.Single(tree.All<CallNode>());
            Assert.Equal("self.cache.get", call.Callee);
            Assert.Equal("get", call.Name);
            Assert.Equal("self.cache", TextOf(tree, call.ReceiverSpan));
            Assert.Equal([null, "default"], call.Arguments.Select(a => a.Name));
            Assert.Empty(tree.All<MemberAccessNode>());
        }

        [Theory]
        [InlineData("sum([x for x in xs])", ExpressionShape.ListComprehension)]
        [InlineData("sum(x for x in xs)", ExpressionShape.GeneratorExpression)]
        [InlineData("log.debug(f\"{x}\")", ExpressionShape.FormattedString)]
        [InlineData("log.info(\"%s\" % x)", ExpressionShape.StringFormatting)]
        [InlineData("log.info(\"{}\".format(x))", ExpressionShape.StringFormatting)]
        [InlineData("f([1, 2])", ExpressionShape.ListLiteral)]
        [InlineData("f({1: 2})", ExpressionShape.DictLiteral)]
        [InlineData("f({1, 2})", ExpressionShape.SetLiteral)]
        [InlineData("f({})", ExpressionShape.DictLiteral)]
        [InlineData("f((1, 2))", ExpressionShape.TupleLiteral)]
        [InlineData("f(g(x))", ExpressionShape.Call)]
        [InlineData("f(a.b.c)", ExpressionShape.MemberAccess)]
        [InlineData("f(lambda y: y)", ExpressionShape.Lambda)]
        [InlineData("f(-1)", ExpressionShape.NumberLiteral)]
        [InlineData("f('a' 'b')", ExpressionShape.StringLiteral)]
        [InlineData("f(await g())", ExpressionShape.Await)]
        public void Given_an_argument_When_parsed_Then_its_shape_is_recognised(string code, ExpressionShape expected)
        {
            var tree = Parse(code + "\n");

            var outer = tree.All<CallNode>().First();
            Assert.Equal(expected, Assert.Single(outer.Arguments).Shape);
        }

        [Fact]
        public void Given_unpacked_arguments_When_parsed_Then_they_are_marked()
        {
            var call = Assert.Single(Parse("f(*args, **kw)\n").All<CallNode>());

            Assert.All(call.Arguments, a => Assert.True(a.IsUnpacked));
        }
    }

    public sealed class Loops
    {
        [Fact]
        public void Given_a_comprehension_When_parsed_Then_its_iterable_runs_once_and_its_element_per_iteration()
        {
            var tree = Parse("r = [transform(l) for l in load(p) if keep(l)]\n");

            var loop = Assert.Single(tree.All<LoopNode>());
            Assert.Equal(LoopKind.Comprehension, loop.LoopKind);
            Assert.Equal(ComprehensionKind.List, loop.Comprehension);
            Assert.Equal("l", loop.Target);
            Assert.Equal("load(p)", TextOf(tree, loop.IterableSpan));
            var calls = tree.All<CallNode>().ToDictionary(c => c.Name);
            Assert.Equal(1, calls["transform"].LoopDepth());
            Assert.Equal(1, calls["keep"].LoopDepth());
            Assert.Equal(0, calls["load"].LoopDepth());
        }

        [Fact]
        public void Given_two_for_clauses_When_parsed_Then_each_is_a_loop_and_the_element_is_two_deep()
        {
            var tree = Parse("r = {f(a, b) for a in xs for b in g(a)}\n");

            var loops = tree.All<LoopNode>().ToList();
            Assert.Equal(2, loops.Count);
            Assert.All(loops, l => Assert.Equal(ComprehensionKind.Set, l.Comprehension));
            var calls = tree.All<CallNode>().ToDictionary(c => c.Name);
            Assert.Equal(2, calls["f"].LoopDepth());
            Assert.Equal(1, calls["g"].LoopDepth());
        }

        [Fact]
        public void Given_for_and_while_statements_When_parsed_Then_bodies_nest_and_iterables_are_excluded()
        {
            var tree = Parse("for x in items():\n    while ok(x):\n        step(x)\nafter()\n");

            var calls = tree.All<CallNode>().ToDictionary(c => c.Name);
            Assert.Equal(0, calls["items"].LoopDepth());
            Assert.Equal(2, calls["ok"].LoopDepth()); // a while condition runs on every iteration of its own loop
            Assert.Equal(2, calls["step"].LoopDepth());
            Assert.Equal(0, calls["after"].LoopDepth());
        }

        [Fact]
        public void Given_await_in_an_async_for_When_parsed_Then_it_is_in_a_loop_and_in_async_context()
        {
            var tree = Parse("async def f(xs):\n    async for x in xs:\n        await g(x)\n");

            var awaitNode = Assert.Single(tree.All<AwaitNode>());
            Assert.True(awaitNode.IsInLoop());
            Assert.True(awaitNode.IsInAsyncContext());
            Assert.True(Assert.Single(tree.All<LoopNode>()).IsAsync);
        }
    }

    public sealed class Definitions
    {
        [Fact]
        public void Given_a_decorated_function_When_parsed_Then_parameters_attributes_and_return_type_are_kept()
        {
            var tree = Parse("@functools.lru_cache(maxsize=64)\ndef _f(a, /, b: int = 1, *args, c, **kw) -> str:\n    return a\n");

            var f = Assert.Single(tree.All<FunctionNode>());
            Assert.Equal("_f", f.Name);
            Assert.Equal(Visibility.Private, f.Visibility);
            Assert.Equal("str", f.ReturnType);
            Assert.True(f.HasAttribute("lru_cache"));
            Assert.Equal("maxsize=64", f.Attributes[0].Arguments);
            Assert.Equal(0, f.Span.Start);
            Assert.Equal(
                [ParameterKind.PositionalOnly, ParameterKind.Normal, ParameterKind.VarArgs, ParameterKind.KeywordOnly, ParameterKind.KwArgs],
                f.Parameters.Select(p => p.ParameterKind));
            Assert.Equal("int", f.Parameters[1].Type);
            Assert.Equal("1", f.Parameters[1].Default);
        }

        [Fact]
        public void Given_yield_in_a_nested_function_When_parsed_Then_only_that_function_is_a_generator()
        {
            var tree = Parse("def outer():\n    def inner():\n        yield 1\n    return inner\n");

            var functions = tree.All<FunctionNode>().ToDictionary(f => f.Name);
            Assert.False(functions["outer"].IsGenerator);
            Assert.True(functions["inner"].IsGenerator);
            Assert.Same(functions["outer"], functions["inner"].Parent);
        }

        [Fact]
        public void Given_a_class_When_parsed_Then_bases_fields_and_methods_are_found()
        {
            var code = "@dataclass(slots=True)\nclass P(Base, metaclass=M):\n    __slots__ = ('x',)\n    x: int\n    def __init__(self, y):\n        self.y = y\n    def m(self):\n        pass\n";
            var tree = Parse(code);

            var type = Assert.Single(tree.All<TypeDeclNode>());
            Assert.Equal(["Base", "metaclass=M"], type.Bases);
            Assert.Equal(["__slots__", "x", "y"], type.Fields.Select(f => f.Name));
            Assert.Equal("int", type.Fields[1].Type);
            Assert.True(type.HasAttribute("dataclass"));
            Assert.All(tree.All<FunctionNode>(), f => Assert.True(f.IsMethod));
            Assert.True(tree.All<FunctionNode>().First().Parameters[0].IsSelf);
        }

        [Fact]
        public void Given_a_match_statement_When_parsed_Then_patterns_are_not_calls_and_later_code_is_intact()
        {
            var tree = Parse("match cmd:\n    case Point(x=0):\n        handle()\n    case _:\n        pass\ndef after():\n    pass\n");

            Assert.Equal(["handle"], tree.All<CallNode>().Select(c => c.Name));
            var after = Assert.Single(tree.All<FunctionNode>());
            Assert.Same(tree.Root, after.Parent);
        }
    }

    public sealed class Statements
    {
        [Fact]
        public void Given_imports_When_parsed_Then_bound_names_follow_python_rules()
        {
            var tree = Parse("import os.path, json as j\nfrom ..pkg import (a as b, c)\nfrom json import *\n");

            var names = tree.All<ImportNode>().SelectMany(i => i.Names).Select(n => n.BoundName);
            Assert.Equal(["os", "j", "b", "c", "*"], names);
            Assert.Equal("..pkg", tree.All<ImportNode>().ElementAt(1).Module);
        }

        [Fact]
        public void Given_assignments_When_parsed_Then_targets_operator_shape_and_callee_are_kept()
        {
            var tree = Parse("a, self.b = x\nc += 1\nd: list[int] = list()\nif (n := len(s)) > 3: pass\n");

            var assignments = tree.All<AssignmentNode>().ToList();
            Assert.Equal(["a", "self.b"], assignments[0].Targets);
            Assert.Equal("+=", assignments[1].Operator);
            Assert.Equal("list[int]", assignments[2].TypeAnnotation);
            Assert.Equal("list", assignments[2].ValueCallee);
            Assert.Equal(":=", assignments[3].Operator);
            Assert.Equal("len", assignments[3].ValueCallee);
        }

        [Fact]
        public void Given_a_membership_test_When_parsed_Then_a_comparison_node_has_both_operands()
        {
            var tree = Parse("seen = []\nfor x in xs:\n    if x.key not in seen:\n        pass\n");

            var comparison = Assert.Single(tree.All<ComparisonNode>());
            Assert.Equal("not in", comparison.Operator);
            Assert.Equal("x.key", TextOf(tree, comparison.LeftSpan));
            Assert.Equal("seen", TextOf(tree, comparison.RightSpan));
            Assert.Equal(ExpressionShape.Name, comparison.RightShape);
            Assert.True(comparison.IsInLoop());
            var binding = comparison.FindBindings("seen").First();
            Assert.Equal(ExpressionShape.ListLiteral, binding.Assignment!.ValueShape);
        }

        [Fact]
        public void Given_a_guarded_log_call_When_parsed_Then_the_condition_text_is_available()
        {
            var tree = Parse("if logger.isEnabledFor(DEBUG):\n    logger.debug(f'{x}')\nelif y:\n    pass\n");

            var conditions = tree.All<ConditionalNode>().Select(c => TextOf(tree, c.ConditionSpan));
            Assert.Equal(["logger.isEnabledFor(DEBUG)", "y"], conditions);
            var debug = Assert.Single(tree.All<CallNode>(), c => c.Name == "debug");
            Assert.IsType<ConditionalNode>(debug.Parent);
        }

        [Fact]
        public void Given_with_items_When_parsed_Then_each_has_its_target()
        {
            var tree = Parse("with (open(a) as f, lock):\n    pass\n");

            var with = Assert.Single(tree.All<WithNode>());
            Assert.Equal(["f", null], with.Items.Select(i => i.Target));
        }

        [Fact]
        public void Given_read_only_chains_When_parsed_Then_member_access_nodes_skip_assigned_targets()
        {
            var tree = Parse("self.x = self.config.timeout\nv = mod.CONST[0]\n");

            Assert.Equal(["self.config.timeout", "mod.CONST"], tree.All<MemberAccessNode>().Select(m => m.Path));
        }
    }
}
