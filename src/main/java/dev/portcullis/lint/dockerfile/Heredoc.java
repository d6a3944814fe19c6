package dev.portcullis.lint.dockerfile;

/**
 * One here-document attached to a RUN, COPY or ADD instruction.
 *
 * @param name the delimiter word with quotes removed ({@code EOF} for {@code <<'EOF'})
 * @param content the body lines, each ending with a line feed, leading tabs kept even when chomped
 * @param expand false when any part of the delimiter was quoted, so variables stay unexpanded
 * @param chomp true for {@code <<-}, where leading tabs are stripped from the body and the delimiter
 * @param fileDescriptor the number written before {@code <<}, 0 when absent
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp, int fileDescriptor) {

    /** Returns the body as the build runs it, with leading tabs removed from each line when chomped. */
    public String effectiveContent() {
        if (!chomp) {
            return content;
        }
        return content.lines().map(line -> line.replaceFirst("^\t+", "") + "\n")
                .reduce("", String::concat);
    }

    Heredoc withContent(String body) {
        return new Heredoc(name, body, expand, chomp, fileDescriptor);
    }
}
