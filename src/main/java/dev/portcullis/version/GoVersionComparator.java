package dev.portcullis.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go version ordering through versatile, which reads module versions, pseudo-versions and
 * {@code +incompatible}. Go toolchain releases ({@code go1.24.1}) are rewritten first, because
 * versatile rejects them.
 *
 * <p>Example: {@code v0.0.0-20180116102854-5a71ef0e047d < v0.0.1 < v1.2.3 = v1.2.3+incompatible},
 * and {@code go1.21rc2 < go1.21.0 < go1.21.1}.
 *
 * @see <a href="https://go.dev/ref/mod#versions">Go modules reference: versions</a>
 */
final class GoVersionComparator implements VersionComparator {

    private static final String SCHEME = "golang";

    // go1, go1.21, go1.21.3, go1.21rc2, go1.9beta1
    private static final Pattern TOOLCHAIN = Pattern.compile("go(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(rc|beta)(\\d+))?");

    @Override
    public int compare(String a, String b) {
        return VersatileVersions.parse(SCHEME, toModuleVersion(a))
                .compareTo(VersatileVersions.parse(SCHEME, toModuleVersion(b)));
    }

    @Override
    public void validate(String version) {
        VersatileVersions.parse(SCHEME, toModuleVersion(version));
    }

    // TODO: Go orders the language version go1.21 before go1.21rc1; here it equals go1.21.0.
    private static String toModuleVersion(String version) {
        Matcher matcher = TOOLCHAIN.matcher(version.strip());
        if (!matcher.matches()) {
            return version;
        }
        String minor = matcher.group(2) == null ? "0" : matcher.group(2);
        String patch = matcher.group(3) == null ? "0" : matcher.group(3);
        String preRelease = matcher.group(4) == null ? "" : "-" + matcher.group(4) + "." + matcher.group(5);
        return "v" + matcher.group(1) + "." + minor + "." + patch + preRelease;
    }
}
