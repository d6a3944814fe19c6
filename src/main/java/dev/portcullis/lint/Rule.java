package dev.portcullis.lint;

import dev.portcullis.lint.dockerfile.Dockerfile;
import java.util.List;

/**
 * A lint rule over a whole Dockerfile, so it can look across stages.
 *
 * <p>Example: the rule for {@code DL3002} looks only at the final stage's last USER and returns one
 * {@link Violation} at {@code USER root} when the image would run as root.
 */
public interface Rule {

    RuleInfo info();

    /** Returns the violations found; an empty list when the file complies. */
    List<Violation> check(Dockerfile dockerfile, LintConfig config);
}
