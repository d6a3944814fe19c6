package dev.portcullis.audit.compose;

import dev.portcullis.audit.AuditInputException;
import dev.portcullis.audit.AuditWarning;
import dev.portcullis.audit.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a compose {@code .env} file: {@code NAME=value} lines, an optional {@code export } prefix,
 * {@code #} comments, single-quoted values kept literally, double-quoted values with {@code \n} and
 * {@code \"} escapes, and {@code " #"} starting a comment after an unquoted value.
 *
 * <pre>{@code
 * export DB_USER=app   # comment   -> DB_USER=app
 * DB_PASSWORD='s3 cr#t'            -> DB_PASSWORD=s3 cr#t
 * }</pre>
 *
 * @see <a href="https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax">
 *     .env file syntax</a>
 */
public final class DotEnvFile {

    private DotEnvFile() {}

    // TODO: interpolate ${VAR} inside .env values, which docker compose does; values are read literally here.
    public static Map<String, String> read(Path path, List<AuditWarning> warnings) throws AuditInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditInputException(SourceLocation.of(path.toString()),
                    "cannot read the env file: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                warnings.add(new AuditWarning(new SourceLocation(path.toString(), i + 1, 1),
                        "line is not NAME=value and is skipped"));
                continue;
            }
            values.put(line.substring(0, equals).strip(), value(line.substring(equals + 1).strip()));
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && raw.startsWith("'") && raw.indexOf('\'', 1) > 0) {
            return raw.substring(1, raw.indexOf('\'', 1));
        }
        if (raw.length() >= 2 && raw.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    out.append(next == 'n' ? '\n' : next);
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }
}
