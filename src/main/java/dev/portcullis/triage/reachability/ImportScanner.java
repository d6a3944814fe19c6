package dev.portcullis.triage.reachability;

import dev.portcullis.triage.reachability.ScannedModule.CallSite;
import dev.portcullis.triage.reachability.ScannedModule.ComputedRequire;
import dev.portcullis.triage.reachability.ScannedModule.ImportKind;
import dev.portcullis.triage.reachability.ScannedModule.ModuleImport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Finds the modules a JavaScript file loads, from its tokens: {@code require('x')},
 * {@code import ... from 'x'}, {@code import 'x'}, {@code import('x')} and {@code export ... from 'x'}.
 * A {@code require} or {@code import()} of anything but a literal is kept as a computed require, with
 * the enclosing function's name and parameter index when the argument is a parameter.
 *
 * <p>Example: {@code function load(name) { return require(name); } load('a');} gives no import, one
 * computed require of parameter 0 of {@code load} and one call site {@code load('a')}.
 *
 * <p>The forms follow the CommonJS and ECMAScript module syntax:
 * <a href="https://nodejs.org/api/modules.html">Node.js modules</a>,
 * <a href="https://tc39.es/ecma262/#sec-imports">ECMAScript imports</a>.
 */
final class ImportScanner {

    // TODO: scripts started by path (new Worker(file), child_process.fork(file)) are entry points not followed yet.

    private static final Set<String> NOT_METHOD_NAMES = Set.of("if", "for", "while", "switch", "catch", "with",
            "function", "return", "typeof", "await", "yield", "new", "delete", "void", "in", "of", "do", "else");
    private static final int MAX_EXPRESSION_LENGTH = 80;

    private final List<JsToken> tokens;
    private final int[] matching;
    private final List<FunctionScope> scopes = new ArrayList<>();
    private final List<ModuleImport> imports = new ArrayList<>();
    private final List<ComputedRequire> computed = new ArrayList<>();
    private final List<CallSite> callSites = new ArrayList<>();

    private ImportScanner(List<JsToken> tokens) {
        this.tokens = tokens;
        this.matching = Brackets.match(tokens);
    }

    /** Scans JavaScript source; raises when the source cannot be split into tokens. */
    static ScannedModule scan(String source) throws JsSyntaxException {
        ImportScanner scanner = new ImportScanner(JsTokenizer.tokenize(source));
        scanner.findFunctionScopes();
        scanner.findLoadsAndCalls();
        return new ScannedModule(List.copyOf(scanner.imports), List.copyOf(scanner.computed),
                List.copyOf(scanner.callSites));
    }

    /** A function body between two token indexes and its simple parameter names, by position. */
    private record FunctionScope(String name, List<String> parameters, int bodyStart, int bodyEnd) {}

    private void findFunctionScopes() {
        for (int i = 0; i < tokens.size(); i++) {
            JsToken token = tokens.get(i);
            if (token.is("(") && matching[i] > i && tokenIs(matching[i] + 1, "{")) {
                int bodyStart = matching[i] + 1;
                String name = functionName(i);
                if (name != null && matching[bodyStart] > bodyStart) {
                    scopes.add(new FunctionScope(name, parameters(i), bodyStart, matching[bodyStart]));
                }
            } else if (token.is("=>")) {
                addArrowScope(i);
            }
        }
    }

    /** Returns the name of the function whose parameter list opens at the index, or null for a call or control statement. */
    private String functionName(int open) {
        JsToken before = token(open - 1);
        if (before == null) {
            return null;
        }
        if (before.is("function") || before.is("*") && tokenIs(open - 2, "function")) {
            return assignedName(open - (before.is("*") ? 2 : 1));
        }
        if (before.isIdentifier() && !NOT_METHOD_NAMES.contains(before.text())) {
            JsToken keyword = token(open - 2);
            boolean declaration = keyword != null && (keyword.is("function") || keyword.is("*"));
            boolean method = keyword == null || !keyword.is(".") && !keyword.is("?.") && !keyword.is("new");
            return declaration || method ? before.text() : null;
        }
        return null;
    }

    /** Returns the name in {@code name = function}, {@code name: function} or null. */
    private String assignedName(int functionKeyword) {
        JsToken operator = token(functionKeyword - 1);
        JsToken name = token(functionKeyword - 2);
        boolean assigned = operator != null && (operator.is("=") || operator.is(":"));
        return assigned && name != null && name.isIdentifier() ? name.text() : "(anonymous)";
    }

    private void addArrowScope(int arrow) {
        int bodyStart = arrow;
        int bodyEnd = tokenIs(arrow + 1, "{") ? matching[arrow + 1] : expressionEnd(arrow + 1);
        JsToken before = token(arrow - 1);
        List<String> parameters;
        int head;
        if (before != null && before.is(")") && matching[arrow - 1] >= 0) {
            head = matching[arrow - 1];
            parameters = parameters(head);
        } else if (before != null && before.isIdentifier()) {
            head = arrow - 1;
            parameters = List.of(before.text());
        } else {
            return;
        }
        if (tokenIs(head - 1, "async")) {
            head--;
        }
        if (bodyEnd > bodyStart) {
            scopes.add(new FunctionScope(assignedName(head), parameters, bodyStart, bodyEnd));
        }
    }

    /** Returns the index just after an expression body: the first {@code , ; ) ] }} outside brackets. */
    private int expressionEnd(int start) {
        for (int i = start; i < tokens.size(); i++) {
            JsToken token = tokens.get(i);
            if (token.kind() == JsToken.Kind.PUNCTUATOR && ",;)]}".contains(token.text()) && token.text().length() == 1) {
                return i;
            }
            if (matching[i] > i) {
                i = matching[i];
            }
        }
        return tokens.size();
    }

    /** Returns the parameter names in the list that opens at the index; a pattern gives an empty slot. */
    private List<String> parameters(int open) {
        List<String> names = new ArrayList<>();
        for (List<JsToken> parameter : arguments(open)) {
            boolean simple = !parameter.isEmpty() && parameter.getFirst().isIdentifier();
            names.add(simple ? parameter.getFirst().text() : "");
        }
        return names;
    }

    private void findLoadsAndCalls() {
        for (int i = 0; i < tokens.size(); i++) {
            JsToken token = tokens.get(i);
            if (!token.isIdentifier() || tokenIs(i - 1, ".") || tokenIs(i - 1, "?.")) {
                addCallSite(i);
                continue;
            }
            switch (token.text()) {
                case "require" -> readLoadCall(i, ImportKind.REQUIRE);
                case "import" -> readImport(i);
                case "export" -> readExportFrom(i);
                default -> addCallSite(i);
            }
        }
    }

    private void readLoadCall(int name, ImportKind kind) {
        if (!tokenIs(name + 1, "(") || matching[name + 1] < 0) {
            return;
        }
        List<List<JsToken>> arguments = arguments(name + 1);
        if (arguments.isEmpty()) {
            return;
        }
        List<JsToken> first = arguments.getFirst();
        int line = tokens.get(name).line();
        if (first.size() == 1 && first.getFirst().isLiteralString()) {
            imports.add(new ModuleImport(first.getFirst().value(), line, kind));
            return;
        }
        String expression = expressionText(first);
        if (first.size() == 1 && first.getFirst().isIdentifier()) {
            FunctionScope scope = enclosingScopeWithParameter(name, first.getFirst().text());
            if (scope != null) {
                int index = scope.parameters().indexOf(first.getFirst().text());
                computed.add(new ComputedRequire(line, expression, kind, scope.name(), index));
                return;
            }
        }
        computed.add(new ComputedRequire(line, expression, kind, null, -1));
    }

    private FunctionScope enclosingScopeWithParameter(int index, String parameter) {
        FunctionScope innermost = null;
        for (FunctionScope scope : scopes) {
            boolean inside = scope.bodyStart() < index && index < scope.bodyEnd();
            if (inside && (innermost == null || scope.bodyStart() > innermost.bodyStart())) {
                innermost = scope;
            }
        }
        // NOTE: only the innermost function is checked, and a parameter reassigned in the body is not noticed.
        return innermost != null && innermost.parameters().contains(parameter) ? innermost : null;
    }

    private void readImport(int keyword) {
        JsToken next = token(keyword + 1);
        if (next == null || next.is(".") || next.is(":")) {
            return;
        }
        if (next.is("(")) {
            readLoadCall(keyword, ImportKind.IMPORT);
        } else if (next.isLiteralString()) {
            imports.add(new ModuleImport(next.value(), next.line(), ImportKind.IMPORT));
        } else {
            int index = keyword + 1;
            if (token(index) != null && token(index).isIdentifier() && !token(index).is("from")) {
                index++;
            }
            if (tokenIs(index, ",")) {
                index++;
            }
            addFromClause(skipBindings(index), ImportKind.IMPORT);
        }
    }

    private void readExportFrom(int keyword) {
        if (tokenIs(keyword + 1, "*") || tokenIs(keyword + 1, "{")) {
            addFromClause(skipBindings(keyword + 1), ImportKind.IMPORT);
        }
    }

    /** Skips {@code {a, b as c}} or {@code * as name} and returns the index after it. */
    private int skipBindings(int index) {
        if (tokenIs(index, "{") && matching[index] > index) {
            return matching[index] + 1;
        }
        if (tokenIs(index, "*")) {
            return tokenIs(index + 1, "as") ? index + 3 : index + 1;
        }
        return index;
    }

    private void addFromClause(int index, ImportKind kind) {
        JsToken specifier = token(index + 1);
        if (tokenIs(index, "from") && specifier != null && specifier.isLiteralString()) {
            imports.add(new ModuleImport(specifier.value(), specifier.line(), kind));
        }
    }

    /** Records {@code name(...)} and {@code (0, object.name)(...)} calls, but not declarations. */
    private void addCallSite(int index) {
        JsToken name = tokens.get(index);
        if (!name.isIdentifier()) {
            return;
        }
        int open = tokenIs(index + 1, "(") ? index + 1 : tokenIs(index + 1, ")") && tokenIs(index + 2, "(") ? index + 2
                : -1;
        if (open < 0 || matching[open] < 0 || tokenIs(index - 1, "function") || tokenIs(matching[open] + 1, "{")) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (List<JsToken> argument : arguments(open)) {
            boolean literal = argument.size() == 1 && argument.getFirst().isLiteralString();
            values.add(literal ? argument.getFirst().value() : null);
        }
        callSites.add(new CallSite(name.text(), name.line(), Collections.unmodifiableList(values)));
    }

    /** Splits the bracketed list that opens at the index into its top-level, comma-separated items. */
    private List<List<JsToken>> arguments(int open) {
        List<List<JsToken>> result = new ArrayList<>();
        int close = matching[open];
        List<JsToken> current = new ArrayList<>();
        for (int i = open + 1; i < close; i++) {
            JsToken token = tokens.get(i);
            if (token.is(",")) {
                result.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(token);
            if (matching[i] > i) {
                current.addAll(tokens.subList(i + 1, matching[i] + 1));
                i = matching[i];
            }
        }
        if (!current.isEmpty() || !result.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    private static String expressionText(List<JsToken> expression) {
        StringBuilder text = new StringBuilder();
        for (JsToken token : expression) {
            if (!text.isEmpty() && token.isIdentifier() && Character.isJavaIdentifierPart(text.charAt(text.length() - 1))) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.length() > MAX_EXPRESSION_LENGTH ? text.substring(0, MAX_EXPRESSION_LENGTH) + "..." : text.toString();
    }

    private JsToken token(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    private boolean tokenIs(int index, String text) {
        JsToken token = token(index);
        return token != null && token.is(text);
    }
}
