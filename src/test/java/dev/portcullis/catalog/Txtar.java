package dev.portcullis.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the files of a txtar bundle (Go's text archive: a comment, then {@code -- name --} header lines
 * each followed by that file's content) under a folder, shaped like a root filesystem.
 */
public final class Txtar {

    private static final Pattern HEADER = Pattern.compile("^-- (.+) --$");

    private Txtar() {}

    public static Path extract(Path bundle, Path root) throws IOException {
        Path current = null;
        StringBuilder content = new StringBuilder();
        for (String line : Files.readAllLines(bundle)) {
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                write(current, content);
                current = root.resolve(header.group(1).strip());
                content.setLength(0);
            } else if (current != null) {
                content.append(line).append('\n');
            }
        }
        write(current, content);
        return root;
    }

    private static void write(Path file, StringBuilder content) throws IOException {
        if (file != null) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        }
    }
}
