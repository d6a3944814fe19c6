package dev.portcullis.catalog.ruby;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.portcullis.catalog.CatalogContext;
import dev.portcullis.catalog.Cataloger;
import dev.portcullis.catalog.ManifestReader;
import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import dev.portcullis.image.FileEntry;
import dev.portcullis.image.FileRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the gems locked in a Bundler {@code Gemfile.lock}. Every {@code specs:} list of a
 * {@code GEM}, {@code GIT} or {@code PATH} section names one locked gem per line indented four
 * spaces; lines indented six spaces are that gem's own requirements and are not packages.
 *
 * <pre>
 * GEM
 *   remote: https://rubygems.org/
 *   specs:
 *     actionmailer (4.1.1)
 *       actionpack (= 4.1.1)
 *     nokogiri (1.16.0-x86_64-linux)
 * </pre>
 *
 * A platform suffix such as {@code -x86_64-linux} is removed from the version, because advisories
 * name plain versions, and is kept in the {@code platform} property and purl qualifier.
 *
 * @see <a href="https://bundler.io/guides/gemfile.html">Bundler: Gemfile and Gemfile.lock</a>
 */
public final class GemfileLockCataloger implements Cataloger {

    private static final String GLOB = "**/Gemfile.lock";
    private static final Pattern SPEC = Pattern.compile("^ {4}([^ (]+) \\(([^)]+)\\)$");
    private static final Pattern PLATFORM = Pattern.compile("^([0-9][^-]*)-(.+)$");


    @Override
    public String name() {
        return "ruby-gemfile-lock-cataloger";
    }

    @Override
    public FileRequest request() {
        return FileRequest.globs(GLOB);
    }

    @Override
    public List<Package> catalog(CatalogContext context) {
        List<Package> packages = new ArrayList<>();
        for (FileEntry entry : context.files().glob(GLOB)) {
            if (entry.isRegularFile()) {
                read(entry, context, packages);
            }
        }
        return packages;
    }

    private void read(FileEntry entry, CatalogContext context, List<Package> packages) {
        Optional<List<String>> lines = ManifestReader.read(entry, context, "failed to read Gemfile.lock",
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        if (lines.isEmpty()) {
            return;
        }
        boolean inSpecs = false;
        for (String line : lines.get()) {
            if (!line.startsWith(" ")) {
                inSpecs = false;
            } else if (line.equals("  specs:")) {
                inSpecs = true;
            } else if (inSpecs) {
                Matcher spec = SPEC.matcher(line);
                if (spec.matches()) {
                    packages.add(gem(spec.group(1), spec.group(2), entry, context));
                }
            }
        }
    }

    private Package gem(String name, String version, FileEntry entry, CatalogContext context) {
        Matcher withPlatform = PLATFORM.matcher(version);
        String plain = withPlatform.matches() ? withPlatform.group(1) : version;
        String platform = withPlatform.matches() ? withPlatform.group(2) : null;
        Map<String, String> properties = platform != null ? Map.of("platform", platform) : Map.of();
        return new Package(PackageType.GEM, name, plain, null, null, purl(name, plain, platform), name(),
                List.of(entry.path()), List.of(), context.layer(entry.layerIndex()), List.of(), properties);
    }

    private static String purl(String name, String version, String platform) {
        try {
            java.util.TreeMap<String, String> qualifiers = new java.util.TreeMap<>();
            if (platform != null) {
                qualifiers.put("platform", platform);
            }
            return new PackageURL(PackageType.GEM.purlType(), null, name, version, qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }
}
