package dev.portcullis.catalog.golang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build information that the Go linker embeds in every binary built with module support, as
 * {@code go version -m} prints it.
 *
 * <pre>
 * path    example.com/app/cmd/app
 * mod     example.com/app (devel)
 * dep     github.com/pkg/errors   v0.9.1  h1:FEBLx1zS214owpjy7qsBeixbURkuhQAwrK5UwLGTwt4=
 * dep     golang.org/x/net        v0.1.0  h1:...
 * =>      golang.org/x/net        v0.23.0 h1:...
 * build   GOOS=linux
 * </pre>
 *
 * @param goVersion the toolchain that built the binary, for example {@code go1.22.3}
 * @param path the main package's import path, or null
 * @param main the main module, or null when the binary was built outside a module
 * @param dependencies the modules linked in, each with its replacement when one applies
 * @param settings the {@code build} lines as key and value, for example {@code GOOS=linux}
 * @see <a href="https://pkg.go.dev/runtime/debug#BuildInfo">runtime/debug.BuildInfo</a>
 */
record GoBuildInfo(
        String goVersion, String path, GoModule main, List<GoModule> dependencies, Map<String, String> settings) {

    /** Parses the module information text; lines it does not know are ignored, as Go itself does. */
    static GoBuildInfo parse(String goVersion, String modinfo) {
        String path = null;
        GoModule main = null;
        List<GoModule> dependencies = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : modinfo.split("\n")) {
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "path" -> path = fields.length > 1 ? fields[1] : null;
                case "mod" -> main = module(fields);
                case "dep" -> dependencies.add(module(fields));
                case "=>" -> {
                    // A replacement line applies to the module line just before it.
                    if (!dependencies.isEmpty()) {
                        dependencies.add(dependencies.removeLast().withReplacement(module(fields)));
                    } else if (main != null) {
                        main = main.withReplacement(module(fields));
                    }
                }
                case "build" -> {
                    if (fields.length > 1 && fields[1].contains("=")) {
                        int equals = fields[1].indexOf('=');
                        settings.put(fields[1].substring(0, equals), fields[1].substring(equals + 1));
                    }
                }
                default -> { }
            }
        }
        return new GoBuildInfo(goVersion, path, main, List.copyOf(dependencies), Map.copyOf(settings));
    }

    private static GoModule module(String[] fields) {
        return new GoModule(field(fields, 1), field(fields, 2), field(fields, 3), null);
    }

    private static String field(String[] fields, int index) {
        return index < fields.length ? fields[index] : "";
    }
}
