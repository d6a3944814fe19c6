package dev.portcullis.triage.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.triage.reachability.ScannedModule.CallSite;
import dev.portcullis.triage.reachability.ScannedModule.ComputedRequire;
import dev.portcullis.triage.reachability.ScannedModule.ImportKind;
import dev.portcullis.triage.reachability.ScannedModule.ModuleImport;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImportScannerTest {

    static Stream<Arguments> literalImports() {
        return Stream.of(
                Arguments.of("const a = require('a');", List.of("REQUIRE a@1")),
                Arguments.of("require(\"b\")\n.x", List.of("REQUIRE b@1")),
                Arguments.of("require(`c`)", List.of("REQUIRE c@1")),
                Arguments.of("import d from 'd';", List.of("IMPORT d@1")),
                Arguments.of("import e, { f as g } from \"e\";", List.of("IMPORT e@1")),
                Arguments.of("import * as ns from 'ns'", List.of("IMPORT ns@1")),
                Arguments.of("import {\n a,\n b\n} from 'multi'", List.of("IMPORT multi@4")),
                Arguments.of("import 'side-effect';", List.of("IMPORT side-effect@1")),
                Arguments.of("const m = await import('lazy');", List.of("IMPORT lazy@1")),
                Arguments.of("export * from './all';", List.of("IMPORT ./all@1")),
                Arguments.of("export * as all from './all';", List.of("IMPORT ./all@1")),
                Arguments.of("export { x, y as z } from './some';", List.of("IMPORT ./some@1")),
                Arguments.of("export const q = 1; export default class A {}", List.of()),
                Arguments.of("// require('commented')\n/* import 'block' */", List.of()),
                Arguments.of("const s = \"require('in string')\";", List.of()),
                Arguments.of("const t = `import('${x}') ${require('inside')}`;", List.of("REQUIRE inside@1")),
                Arguments.of("const r = /require('x')/g; require('after')", List.of("REQUIRE after@1")),
                Arguments.of("const u = a / b; require('divided') / 2", List.of("REQUIRE divided@1")),
                Arguments.of("const v = '\\u0061\\x62c'; require('\\u0064')", List.of("REQUIRE d@1")),
                Arguments.of("require.resolve('not-loaded'); obj.require('method')", List.of()),
                Arguments.of("import.meta.url; x.import('no')", List.of()),
                Arguments.of("const o = { import: 'no', require: 'no' }", List.of()),
                Arguments.of("#!/usr/bin/env node\nrequire('shebang')", List.of("REQUIRE shebang@2")),
                Arguments.of("class A { #p = 1; async *gen() { yield a?.b ?? c; } }\nrequire('modern')",
                        List.of("REQUIRE modern@2")),
                Arguments.of("x = a ? .5 : 1; require('ternary')", List.of("REQUIRE ternary@1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("literalImports")
    void shouldFindLiteralImports(String source, List<String> expected) throws JsSyntaxException {
        List<ModuleImport> imports = ImportScanner.scan(source).imports();

        assertThat(imports).extracting(i -> i.kind() + " " + i.specifier() + "@" + i.line())
                .containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> computedRequires() {
        return Stream.of(
                Arguments.of("require(process.env.X)", "process.env.X", null, -1),
                Arguments.of("require('./' + name)", "'./'+name", null, -1),
                Arguments.of("import(`./locale/${lang}.js`)", "`./locale/${lang}.js`", null, -1),
                Arguments.of("function load(name, why) { return require(name); }", "name", "load", 0),
                Arguments.of("function load(why, name) { return require(name); }", "name", "load", 1),
                Arguments.of("function load(name) { const mod = name; return require(mod); }", "mod", null, -1),
                Arguments.of("exports.load = function (id) { return require(id) }", "id", "load", 0),
                Arguments.of("const load = async (id) => { return import(id) }", "id", "load", 0),
                Arguments.of("module.exports = { loadEsm: (module) => import(module) };", "module", "loadEsm", 0),
                Arguments.of("const get = id => require(id), other = 1;", "id", "get", 0),
                Arguments.of("class L { load(spec) { return require(spec); } }", "spec", "load", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("computedRequires")
    void shouldKeepComputedRequires(String source, String expression, String function, int parameterIndex)
            throws JsSyntaxException {
        List<ComputedRequire> computed = ImportScanner.scan(source).computedRequires();

        assertThat(computed).hasSize(1);
        assertThat(computed.getFirst().expression()).isEqualTo(expression);
        assertThat(computed.getFirst().function()).isEqualTo(function);
        assertThat(computed.getFirst().parameterIndex()).isEqualTo(parameterIndex);
    }

    static Stream<Arguments> callSites() {
        return Stream.of(
                Arguments.of("load('a', b)", "load", List.of("a", "null")),
                Arguments.of("(0, util_1.loadPackage)('@nestjs/x', 'ctx', () => require('y'))", "loadPackage",
                        List.of("@nestjs/x", "ctx", "null")),
                Arguments.of("helpers.load(`tpl`)", "load", List.of("tpl")),
                Arguments.of("load()", "load", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callSites")
    void shouldRecordCallSiteLiterals(String source, String callee, List<String> arguments) throws JsSyntaxException {
        List<CallSite> calls = ImportScanner.scan(source).callSites().stream()
                .filter(call -> call.callee().equals(callee))
                .toList();

        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().arguments()).extracting(String::valueOf).containsExactlyElementsOf(arguments);
    }

    @Test
    void shouldNotRecordDeclarationsAsCalls() throws JsSyntaxException {
        ScannedModule scanned = ImportScanner.scan("function load(name) {}\nclass A { load(x) {} }");

        assertThat(scanned.callSites()).extracting(CallSite::callee).doesNotContain("load");
    }

    @Test
    void shouldCountLinesAcrossStringsAndComments() throws JsSyntaxException {
        String source = "/* one\n two */\nconst a = `x\ny`;\nconst b = 'c\\\nd';\nrequire('late');";

        assertThat(ImportScanner.scan(source).imports())
                .containsExactly(new ModuleImport("late", 7, ImportKind.REQUIRE));
    }

    @ParameterizedTest
    @MethodSource("unterminated")
    void shouldRejectUnterminatedLiterals(String source, String message) {
        assertThatThrownBy(() -> ImportScanner.scan(source)).isInstanceOf(JsSyntaxException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> unterminated() {
        return Stream.of(
                Arguments.of("const a = 'open", "unterminated string at line 1"),
                Arguments.of("\nconst a = `open ${x}", "unterminated template literal at line 2"),
                Arguments.of("/* open", "unterminated comment at line 1"),
                Arguments.of("x = (/open", "unterminated regular expression at line 1"));
    }

    @Test
    void shouldKeepArgumentsInOrder() throws JsSyntaxException {
        CallSite call = ImportScanner.scan("f('a', [1, 2], 'b')").callSites().getFirst();

        assertThat(call.arguments()).isEqualTo(Arrays.asList("a", null, "b"));
    }
}
