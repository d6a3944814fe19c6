package dev.portcullis.triage.reachability;

import java.util.List;

/**
 * The module loads of one JavaScript file, as {@link ImportScanner} found them.
 *
 * @param imports specifiers given as string literals to {@code require}, {@code import} or
 *     {@code export ... from}
 * @param computedRequires {@code require} and {@code import()} calls whose argument is not a literal
 * @param callSites every call by name with its literal arguments, used to resolve a computed require of a
 *     parameter
 */
record ScannedModule(List<ModuleImport> imports, List<ComputedRequire> computedRequires, List<CallSite> callSites) {

    /** The loading form, which picks the package.json {@code exports} conditions. */
    enum ImportKind {
        REQUIRE,
        IMPORT
    }

    /**
     * One literal specifier.
     *
     * @param specifier as written, for example {@code ./app.module} or {@code node:fs}
     * @param line 1-based line of the call or statement
     */
    record ModuleImport(String specifier, int line, ImportKind kind) {}

    /**
     * One load whose specifier is an expression.
     *
     * @param line 1-based line of the call
     * @param expression the argument as written, shortened to 80 characters
     * @param function name of the enclosing function when the argument is one of its parameters, else null
     * @param parameterIndex 0-based position of that parameter, or -1
     */
    record ComputedRequire(int line, String expression, ImportKind kind, String function, int parameterIndex) {

        boolean isParameter() {
            return function != null && parameterIndex >= 0;
        }
    }

    /**
     * One call of a named function or method, such as {@code loadPackage('x', 'y')} or
     * {@code (0, util.loadPackage)('x')}.
     *
     * @param callee the function or property name
     * @param arguments each argument's string value when it is a literal, else null
     */
    record CallSite(String callee, int line, List<String> arguments) {}
}
