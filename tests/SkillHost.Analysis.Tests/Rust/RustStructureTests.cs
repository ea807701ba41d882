using SkillHost.Analysis.Languages.Rust;
using SkillHost.Analysis.Syntax;
using SkillHost.Analysis.Text;

namespace SkillHost.Analysis.Tests.Rust;

public sealed class RustStructureTests
{
    private static SyntaxTree Parse(string source) => RustParser.Parse(SourceText.From(source));

    private static T Single<T>(string source, Func<T, bool>? where = null) where T : SyntaxNode =>
        Assert.Single(Parse(source).All<T>(), n => where?.Invoke(n) ?? true);

    public sealed class Functions
    {
        [Theory]
        [InlineData("pub fn f() {}", Visibility.Public)]
        [InlineData("pub(crate) fn f() {}", Visibility.Crate)]
        [InlineData("pub(super) fn f() {}", Visibility.Restricted)]
        [InlineData("pub(in crate::a) fn f() {}", Visibility.Restricted)]
        [InlineData("fn f() {}", Visibility.Private)]
        public void Given_a_visibility_Then_it_is_mapped(string source, Visibility visibility)
        {
            Assert.Equal(visibility, Single<FunctionNode>(source).Visibility);
        }

        [Theory]
        [InlineData("async fn f() {}", true)]
        [InlineData("pub async unsafe fn f() {}", true)]
        [InlineData("const fn f() {}", false)]
        [InlineData("extern \"C\" fn f() {}", false)]
        public void Given_qualifiers_Then_the_function_is_found_and_async_is_known(string source, bool isAsync)
        {
            var function = Single<FunctionNode>(source);

            Assert.Equal("f", function.Name);
            Assert.Equal(isAsync, function.IsAsync);
        }

        [Fact]
        public void Given_attributes_and_doc_comments_Then_only_attributes_are_kept_with_arguments()
        {
            var function = Single<FunctionNode>("/// doc\n#[pyfunction]\n#[pyo3(signature = (a, b = 1))]\n#[tokio::main]\nfn f() {}");

            Assert.Equal(["pyfunction", "pyo3", "tokio::main"], function.Attributes.Select(a => a.Name));
            Assert.Equal("signature = (a, b = 1)", function.Attributes[1].Arguments);
            Assert.True(function.HasAttribute("main"));
            Assert.Equal(0, function.Span.Start - "/// doc\n".Length);
        }

        [Fact]
        public void Given_self_and_pattern_parameters_Then_names_and_types_are_as_written()
        {
            var methods = Parse("impl A { fn a(&self, mut x: Vec<u8>, (p, q): (u8, u8), py: Python<'_>) {} fn b(&mut self) {} fn c(self: Box<Self>) {} }")
                .All<FunctionNode>().ToList();

            Assert.All(methods, m => Assert.True(m.IsMethod));
            Assert.Equal(["self", "x", "(p, q)", "py"], methods[0].Parameters.Select(p => p.Name));
            Assert.Equal(["&Self", "Vec<u8>", "(u8, u8)", "Python<'_>"], methods[0].Parameters.Select(p => p.Type));
            Assert.True(methods[0].Parameters[0].IsSelf);
            Assert.Equal("&mut Self", methods[1].Parameters[0].Type);
            Assert.Equal("Box<Self>", methods[2].Parameters[0].Type);
        }

        [Fact]
        public void Given_generics_and_a_where_clause_Then_the_return_type_stops_before_where()
        {
            var function = Single<FunctionNode>("fn f<T: Into<String>, const N: usize>(x: T) -> Result<Vec<T>, E> where T: Clone { x }");

            Assert.Equal("Result<Vec<T>, E>", function.ReturnType);
            Assert.Equal(" x ", function.Tree.Source.ToString(function.BodySpan));
        }

        [Fact]
        public void Given_trait_functions_with_and_without_body_Then_has_body_tells_them_apart()
        {
            var functions = Parse("trait T { fn a(&self); fn b(&self) {} }").All<FunctionNode>().ToList();

            Assert.False(functions[0].HasBody);
            Assert.True(functions[1].HasBody);
            Assert.All(functions, f => Assert.True(f.IsMethod));
        }
    }

    public sealed class Types
    {
        [Fact]
        public void Given_a_repr_C_struct_Then_fields_types_and_visibility_are_kept()
        {
            var type = Single<TypeDeclNode>("#[repr(C)]\npub struct P { pub a: u8, pub(crate) b: u64, c: HashMap<K, V> }");

            Assert.True(type.HasAttribute("repr"));
            Assert.Equal("C", type.Attributes[0].Arguments);
            Assert.Equal(["a:u8:Public", "b:u64:Crate", "c:HashMap<K, V>:Private"], type.Fields.Select(f => $"{f.Name}:{f.Type}:{f.Visibility}"));
        }

        [Fact]
        public void Given_tuple_unit_union_enum_and_trait_Then_each_kind_is_recognised()
        {
            var types = Parse("struct T(pub u8, Vec<u16>); struct U; union X { a: u32 } enum E { A } unsafe trait Z {}").All<TypeDeclNode>().ToList();

            Assert.Equal([TypeDeclKind.Struct, TypeDeclKind.Struct, TypeDeclKind.Union, TypeDeclKind.Enum, TypeDeclKind.Trait], types.Select(t => t.TypeKind));
            Assert.Equal(["0", "1"], types[0].Fields.Select(f => f.Name));
            Assert.Equal("Vec<u16>", types[0].Fields[1].Type);
        }

        [Theory]
        [InlineData("impl Foo { }", null, "Foo")]
        [InlineData("impl<T: Clone> fmt::Display for Wrapper<T> where T: Copy { }", "fmt::Display", "Wrapper<T>")]
        [InlineData("unsafe impl Send for Unit {}", "Send", "Unit")]
        [InlineData("impl !Sync for Kind {}", "!Sync", "Kind")]
        public void Given_an_impl_Then_trait_and_self_type_are_split(string source, string? trait, string selfType)
        {
            var impl = Single<ImplNode>(source);

            Assert.Equal(trait, impl.Trait);
            Assert.Equal(selfType, impl.SelfType);
        }

        [Fact]
        public void Given_a_cfg_test_module_Then_it_is_a_named_module_with_its_attribute()
        {
            var module = Single<ModuleNode>("#[cfg(test)]\nmod tests { #[test] fn t() {} }");

            Assert.Equal("tests", module.Name);
            Assert.Equal("cfg", module.Attributes[0].Name);
            Assert.IsType<FunctionNode>(Assert.Single(module.Children));
        }
    }

    public sealed class Loops
    {
        [Fact]
        public void Given_a_for_loop_Then_target_and_iterable_are_known_and_the_iterable_runs_once()
        {
            var tree = Parse("fn f() { for (k, v) in map.iter() { v.push(k); } }");
            var loop = tree.All<LoopNode>().Single();
            var calls = tree.All<CallNode>().ToList();

            Assert.Equal("(k, v)", loop.Target);
            Assert.Equal("map.iter()", tree.Source.ToString(loop.IterableSpan!.Value));
            Assert.Equal(0, calls.Single(c => c.Name == "iter").LoopDepth());
            Assert.Equal(1, calls.Single(c => c.Name == "push").LoopDepth());
        }

        [Fact]
        public void Given_labelled_while_let_and_loop_Then_each_is_a_loop_and_they_nest()
        {
            var tree = Parse("fn f() { 'outer: loop { while let Some(x) = s.pop() { while n > 0 { g(x); } } } }");

            Assert.Equal([LoopKind.Loop, LoopKind.While, LoopKind.While], tree.All<LoopNode>().Select(l => l.LoopKind));
            Assert.Equal(3, tree.All<CallNode>().Single(c => c.Name == "g").LoopDepth());
            Assert.StartsWith("'outer", tree.All<LoopNode>().First().Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Given_a_closure_passed_to_an_adapter_Then_it_is_wrapped_in_an_iterator_closure_loop()
        {
            var tree = Parse("fn f() { let n = xs.iter().map(|x| x.to_string()).filter(is_ok).count(); other(|y| y); }");

            var loop = Assert.Single(tree.All<LoopNode>());
            Assert.Equal(LoopKind.IteratorClosure, loop.LoopKind);
            Assert.Equal("map", loop.Adapter);
            Assert.IsType<ClosureNode>(Assert.Single(loop.Children));
            Assert.True(tree.All<CallNode>().Single(c => c.Name == "to_string").IsInLoop());
        }

        [Fact]
        public void Given_with_gil_inside_a_for_each_closure_Then_it_runs_per_iteration()
        {
            var tree = Parse("fn f(items: Vec<u8>) { items.into_iter().for_each(|i| Python::with_gil(|py| g(py, i))); }");

            var gil = tree.All<CallNode>().Single(c => c.Callee == "Python::with_gil");
            Assert.Equal("for_each", Assert.Single(gil.EnclosingLoops()).Adapter);
        }
    }

    public sealed class Calls
    {
        [Fact]
        public void Given_a_method_chain_Then_the_outer_call_contains_the_inner_ones_and_receivers_link()
        {
            var tree = Parse("fn f() { a.iter().map(g).collect::<Vec<_>>(); }");
            var calls = tree.All<CallNode>().ToList();

            // Pre-order: the outermost call comes first, its receiver call is its first child.
            Assert.Equal(["….collect", "….map", "a.iter"], calls.Select(c => c.Callee));
            Assert.Same(calls[1], calls[0].ReceiverCall);
            Assert.Same(calls[2], calls[1].ReceiverCall);
            Assert.Same(calls[0], calls[1].Parent);
            Assert.Equal("::<Vec<_>>", calls[0].GenericArguments);
            Assert.Equal("a.iter().map(g)", tree.Source.ToString(calls[0].ReceiverSpan!.Value));
        }

        [Fact]
        public void Given_argument_forms_Then_each_has_its_shape()
        {
            var call = Parse("fn f() { g(x, a.b, &y, &mut z, \"s\", 1, vec![], |q| q, h(), -2, (1, 2), [3], y.await); }")
                .All<CallNode>().First(c => c.Name == "g");

            Assert.Equal(
                [ExpressionShape.Name, ExpressionShape.MemberAccess, ExpressionShape.Reference, ExpressionShape.Reference, ExpressionShape.StringLiteral,
                 ExpressionShape.NumberLiteral, ExpressionShape.MacroCall, ExpressionShape.Closure, ExpressionShape.Call, ExpressionShape.NumberLiteral,
                 ExpressionShape.TupleLiteral, ExpressionShape.ListLiteral, ExpressionShape.Await],
                call.Arguments.Select(a => a.Shape));
        }

        [Fact]
        public void Given_a_closure_with_several_parameters_and_a_turbofish_with_commas_Then_arguments_split_at_top_level_only()
        {
            var call = Parse("fn f() { g(|a, b| a + b, x.collect::<HashMap<K, V>>(), z); }").All<CallNode>().First(c => c.Name == "g");

            Assert.Equal([ExpressionShape.Closure, ExpressionShape.Call, ExpressionShape.Name], call.Arguments.Select(a => a.Shape));
        }

        [Fact]
        public void Given_a_call_on_a_field_chain_Then_no_member_access_is_emitted_for_the_callee()
        {
            var tree = Parse("fn f() { self.a.b.push(1); let n = self.c.d; }");

            Assert.Equal("self.a.b.push", tree.All<CallNode>().Single().Callee);
            Assert.Equal(["self.c.d"], tree.All<MemberAccessNode>().Select(m => m.Path));
        }

        [Fact]
        public void Given_macros_Then_paths_names_and_inner_calls_are_found()
        {
            var tree = Parse("fn f() { log::debug!(\"{:?}\", item.to_string()); tracing::info!(n = 1); let s = format!(\"{}\", x.clone()); }");
            var macros = tree.All<MacroCallNode>().ToList();

            Assert.Equal(["log::debug", "tracing::info", "format"], macros.Select(m => m.Path));
            Assert.Equal("debug", macros[0].Name);
            Assert.Equal([ExpressionShape.StringLiteral, ExpressionShape.Call], macros[0].Arguments.Select(a => a.Shape));
            Assert.Same(macros[2], tree.All<CallNode>().Single(c => c.Name == "clone").Parent);
        }

        [Fact]
        public void Given_a_qualified_path_call_Then_the_callee_keeps_the_qualified_type()
        {
            var call = Single<CallNode>("fn f() { <Self as RangeBounds<Idx>>::contains(self, item) }");

            Assert.Equal("<Self as RangeBounds<Idx>>::contains", call.Callee);
            Assert.Equal("contains", call.Name);
        }

        [Fact]
        public void Given_macro_rules_Then_its_body_is_skipped_and_the_next_item_is_parsed()
        {
            var tree = Parse("macro_rules! m { ($x:expr) => { fn $x() { g(); } }; }\nfn after() { h(); }");

            Assert.Equal(["after"], tree.All<FunctionNode>().Select(f => f.Name));
            Assert.Equal(["h"], tree.All<CallNode>().Select(c => c.Callee));
        }
    }

    public sealed class Bindings
    {
        [Theory]
        [InlineData("let mut v = Vec::new();", "v", true, "Vec::new")]
        [InlineData("let s = String::new();", "s", false, "String::new")]
        [InlineData("let v: Vec<u8> = Vec::with_capacity(n);", "v", false, "Vec::with_capacity")]
        [InlineData("let s = data.name.clone();", "s", false, "data.name.clone")]
        [InlineData("let b = Box::new(x)?;", "b", false, "Box::new")]
        [InlineData("let g = m.lock().unwrap();", "g", false, "….unwrap")]
        public void Given_a_let_with_a_call_Then_value_callee_and_mutability_are_known(string statement, string target, bool mutable, string callee)
        {
            var assignment = Single<AssignmentNode>("fn f() { " + statement + " }");

            Assert.Equal([target], assignment.Targets);
            Assert.Equal("let", assignment.Operator);
            Assert.Equal(mutable, assignment.IsMutable);
            Assert.Equal(ExpressionShape.Call, assignment.ValueShape);
            Assert.Equal(callee, assignment.ValueCallee);
        }

        [Fact]
        public void Given_plain_and_compound_assignments_Then_targets_and_operators_are_kept()
        {
            var assignments = Parse("fn f() { x = 1; self.total += n; v[i] -= 2; }").All<AssignmentNode>().ToList();

            Assert.Equal(["x=", "self.total+=", "v[i]-="], assignments.Select(a => a.Targets[0] + a.Operator));
        }

        [Fact]
        public void Given_a_let_binding_Then_find_bindings_sees_it_from_inside_a_loop()
        {
            var tree = Parse("fn f(items: &[u8]) { let mut out = Vec::new(); for i in items { out.push(i); } }");
            var push = tree.All<CallNode>().Single(c => c.Name == "push");

            var binding = push.FindBindings("out").First();

            Assert.Equal("Vec::new", binding.Assignment!.ValueCallee);
            Assert.Equal(BindingKind.Parameter, push.FindBindings("items").First().BindingKind);
        }
    }

    public sealed class Async_and_imports
    {
        [Fact]
        public void Given_await_and_async_blocks_Then_awaits_and_async_context_are_known()
        {
            var tree = Parse("fn f() { let h = tokio::spawn(async move { work().await }); }\nasync fn g() { let r = client.get(u).send().await?; }");
            var awaits = tree.All<AwaitNode>().ToList();

            Assert.Equal(["work()", "client.get(u).send()"], awaits.Select(a => tree.Source.ToString(a.ExpressionSpan)));
            Assert.All(awaits, a => Assert.True(a.IsInAsyncContext()));
            Assert.True(Assert.Single(tree.All<ClosureNode>()).IsMove);
        }

        [Fact]
        public void Given_use_trees_Then_every_name_is_flattened_with_its_bound_name()
        {
            var import = Single<ImportNode>("use std::collections::{HashMap, hash_map::{self, Entry as E}, *};");

            Assert.Equal("std::collections", import.Module);
            Assert.Equal(
                ["std::collections::HashMap>HashMap", "std::collections::hash_map>hash_map", "std::collections::hash_map::Entry>E", "std::collections::*>*"],
                import.Names.Select(n => n.Name + ">" + n.BoundName));
        }

        [Fact]
        public void Given_extern_crate_with_alias_Then_the_alias_is_bound()
        {
            var name = Assert.Single(Single<ImportNode>("extern crate alloc as a;").Names);

            Assert.Equal(("alloc", "a", "a"), (name.Name, name.Alias, name.BoundName));
        }
    }

    public sealed class Conditions_and_comparisons
    {
        [Fact]
        public void Given_if_else_if_Then_each_is_a_conditional_with_its_condition()
        {
            var tree = Parse("fn f() { if log_enabled!(Debug) { a(); } else if let Some(x) = y { b(); } else { c(); } }");

            Assert.Equal(["log_enabled!(Debug)", "let Some(x) = y"], tree.All<ConditionalNode>().Select(c => tree.Source.ToString(c.ConditionSpan)));
        }

        [Fact]
        public void Given_a_struct_pattern_in_if_let_and_while_let_Then_the_body_is_the_block_after_the_value()
        {
            var tree = Parse("fn f() { if let Point { x, y } = p { a(x); } while let Some(Pair { k, .. }) = it.next() { b(k); } }");

            Assert.Equal("let Point { x, y } = p", tree.Source.ToString(tree.All<ConditionalNode>().Single().ConditionSpan));
            Assert.Single(tree.All<CallNode>().Single(c => c.Name == "a").Ancestors().OfType<ConditionalNode>());
            Assert.Equal(1, tree.All<CallNode>().Single(c => c.Name == "b").LoopDepth());
        }

        [Fact]
        public void Given_member_accesses_compared_in_nested_loops_Then_a_comparison_node_is_inside_both_loops()
        {
            var tree = Parse("fn f(a: &[T], b: &[T]) { for x in a { for y in b { if x.key == y.key { hit(); } } } }");

            var comparison = Assert.Single(tree.All<ComparisonNode>());
            Assert.Equal("==", comparison.Operator);
            Assert.Equal((ExpressionShape.MemberAccess, ExpressionShape.MemberAccess), (comparison.LeftShape, comparison.RightShape));
            Assert.Equal(2, comparison.LoopDepth());
        }

        [Fact]
        public void Given_a_comparison_with_a_call_Then_no_comparison_node_is_made()
        {
            Assert.Empty(Parse("fn f() { if x.key == y.key() { } }").All<ComparisonNode>());
        }
    }
}
