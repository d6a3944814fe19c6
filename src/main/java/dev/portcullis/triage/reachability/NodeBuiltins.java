package dev.portcullis.triage.reachability;

import java.util.Set;

/**
 * The core modules of Node.js 20 and 22, which {@code require} returns before looking at any file, as
 * listed by {@code require('node:module').builtinModules}. Names that exist only with the {@code node:}
 * prefix ({@code node:test}, {@code node:sqlite}, {@code node:sea}) are recognized by the prefix.
 */
final class NodeBuiltins {

    private static final Set<String> NAMES = Set.of("assert", "assert/strict", "async_hooks", "buffer",
            "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
            "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
            "inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks",
            "process", "punycode", "querystring", "readline", "readline/promises", "repl", "stream",
            "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
            "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
            "worker_threads", "zlib");

    private NodeBuiltins() {}

    /** Returns the core module name the specifier loads, or null when it names no core module. */
    static String coreModule(String specifier) {
        if (specifier.startsWith("node:")) {
            return specifier.substring("node:".length());
        }
        return NAMES.contains(specifier) ? specifier : null;
    }
}
