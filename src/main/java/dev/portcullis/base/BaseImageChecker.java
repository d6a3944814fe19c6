package dev.portcullis.base;

import dev.portcullis.lint.dockerfile.Dockerfile;
import dev.portcullis.lint.dockerfile.Stage;
import dev.portcullis.vulndb.VulnDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges the base images of a Dockerfile or an image against the lifecycle data in the
 * vulnerability database, as of a given date.
 *
 * <pre>{@code
 * BaseReport report = new BaseImageChecker(db).check(dockerfile, LocalDate.parse("2026-12-04"));
 * report.images().getFirst().runtime().line().phase(); // END_OF_LIFE for node:20.18.0-bookworm-slim
 * }</pre>
 */
public final class BaseImageChecker {

    private static final Logger LOG = LoggerFactory.getLogger(BaseImageChecker.class);

    private final TagGrammar grammar = new TagGrammar();
    private final FromExpander expander = new FromExpander();
    private final LifecycleCatalog catalog;
    private final RuntimeAssessor runtimes;
    private final DistroAssessor distros;

    public BaseImageChecker(VulnDatabase database) {
        this.catalog = new LifecycleCatalog(database);
        this.runtimes = new RuntimeAssessor(catalog);
        this.distros = new DistroAssessor(catalog);
    }

    /**
     * Returns the runtimes and distros the report names but the database has no lifecycle data for, so
     * that a gate such as {@code --fail-on eol} can tell "not at end of life" from "not judged".
     */
    public Set<String> productsWithoutData(BaseReport report) {
        Set<String> missing = new java.util.TreeSet<>();
        for (BaseImageAssessment image : report.images()) {
            if (image.runtime() != null && catalog.cycles(image.runtime().product()).isEmpty()) {
                missing.add(image.runtime().product());
            }
            if (image.distro() != null && catalog.cycles(image.distro().distro()).isEmpty()) {
                missing.add(image.distro().distro());
            }
        }
        return missing;
    }

    /**
     * Judges every FROM that names an external image. FROM lines naming an earlier stage or
     * {@code scratch} have no base image and are left out.
     *
     * @throws BaseInputException when the Dockerfile has no FROM instruction
     */
    public BaseReport check(Dockerfile dockerfile, LocalDate asOf) throws BaseInputException {
        return check(dockerfile, Map.of(), asOf);
    }

    /**
     * Judges every FROM that names an external image, with build arguments replacing the defaults of
     * the ARGs declared before the first FROM.
     *
     * @throws BaseInputException when the Dockerfile has no FROM instruction
     */
    public BaseReport check(Dockerfile dockerfile, Map<String, String> buildArgs, LocalDate asOf) throws BaseInputException {
        List<Stage> stages = dockerfile.stages().stream().filter(stage -> stage.from() != null).toList();
        if (stages.isEmpty()) {
            throw new BaseInputException(dockerfile.file() + " has no FROM instruction, so it names no base image; "
                    + "pass a Dockerfile with a FROM line");
        }
        Set<String> stageNames = new HashSet<>();
        List<BaseImageAssessment> images = new ArrayList<>();
        for (Stage stage : stages) {
            String written = expander.expand(dockerfile, stage, buildArgs);
            boolean internal = stageNames.contains(written.toLowerCase(Locale.ROOT)) || written.equals("scratch");
            stage.name().ifPresent(name -> stageNames.add(name.toLowerCase(Locale.ROOT)));
            if (internal) {
                continue;
            }
            String origin = dockerfile.file() + ":" + stage.from().node().range().startLine()
                    + stage.name().map(name -> " (stage " + name + ")").orElse("");
            images.add(checkReference(origin, written, asOf));
        }
        return new BaseReport(dockerfile.file(), asOf, images);
    }

    /**
     * Judges the base of an image from its content: the base name label read as a tag, the detected
     * distro release, the runtime version found and the installed source packages. The base digest
     * label pins the tag when the name label has no digest of its own. Build the facts with
     * {@link ImageFacts#fromImage}. The runtime's {@code versionSource} names where the version came from.
     */
    public BaseReport check(ImageFacts facts, LocalDate asOf) {
        List<String> notes = new ArrayList<>();
        BaseImageTag tag = null;
        if (facts.baseName() != null) {
            boolean digestLabelOnly = facts.baseDigest() != null && !facts.baseName().contains("@");
            tag = readTag(digestLabelOnly ? facts.baseName() + "@" + facts.baseDigest() : facts.baseName(), notes);
        } else {
            notes.add("the image has no org.opencontainers.image.base.name label; judged from its content only");
        }
        RuntimeAssessment runtime = null;
        // The runtime of the base's family comes first. An image without a usable label may still carry one.
        Optional<RuntimeVersion> found = tag != null && tag.isKnown() && !tag.family().isDistro()
                ? facts.runtime(tag.family())
                : facts.runtimes().stream().findFirst();
        if (found.isPresent()) {
            RuntimeVersion version = found.get();
            runtime = runtimes.assess(version.family(), version.version(), asOf, notes).withVersionSource(version.source());
        } else if (tag != null && tag.runtimeVersion() != null) {
            runtime = runtimes.assess(tag.family(), tag.runtimeVersion(), asOf, notes);
        }
        DistroAssessment distro = null;
        if (facts.distroId() != null) {
            String release = facts.distroVersion();
            if (release == null) {
                notes.add("the image's os-release names no VERSION_ID");
            }
            distro = distros.assess(facts.distroId(), release, facts.sourcePackages(), asOf, notes);
        } else if (tag != null && tag.distro() != null) {
            notes.add("no distro detected in the image; the distro is read from the base name label");
            distro = distros.assess(tag.distro(), tag.distroRelease(), facts.sourcePackages(), asOf, notes);
        } else {
            notes.add("no distro detected in the image");
        }
        BaseImageAssessment assessment = new BaseImageAssessment(facts.image(), facts.baseName(), tag, runtime, distro, notes);
        return new BaseReport(facts.image(), asOf, List.of(assessment));
    }

    private BaseImageAssessment checkReference(String origin, String written, LocalDate asOf) {
        List<String> notes = new ArrayList<>();
        if (written.isEmpty() || written.contains("$")) {
            notes.add("the reference " + written + " uses a build argument without a default; pass it with --build-arg");
            return new BaseImageAssessment(origin, written, null, null, null, notes);
        }
        BaseImageTag tag = readTag(written, notes);
        if (tag == null || !tag.isKnown()) {
            return new BaseImageAssessment(origin, written, tag, null, null, notes);
        }
        RuntimeAssessment runtime = tag.family().isDistro() ? null : runtimes.assess(tag.family(), tag.runtimeVersion(), asOf, notes);
        if (runtime != null && tag.variants().contains("distroless")) {
            // Distroless images carry the runtime line in the image name, not in the tag.
            runtime = runtime.withVersionSource("image name");
            notes.replaceAll(note -> note.replace("the tag " + tag.runtimeVersion() + " floats",
                    "the image name's line " + tag.runtimeVersion() + " floats"));
        }
        DistroAssessment distro = tag.distro() == null ? null : distros.assess(tag.distro(), tag.distroRelease(), List.of(), asOf, notes);
        LOG.debug("Judged {} at {}", written, origin);
        return new BaseImageAssessment(origin, written, tag, runtime, distro, notes);
    }

    private BaseImageTag readTag(String written, List<String> notes) {
        ImageReference reference;
        try {
            reference = ImageReference.parse(written);
        } catch (IllegalArgumentException e) {
            notes.add(e.getMessage());
            return null;
        }
        BaseImageTag tag = grammar.read(reference);
        if (!tag.isKnown()) {
            notes.add("unknown image " + reference.registry() + "/" + reference.repository()
                    + ": tag " + (reference.tag() == null ? "(none)" : reference.tag())
                    + ", digest " + (reference.digest() == null ? "(none)" : reference.digest())
                    + "; Portcullis reads the tags of " + familyNames() + " only");
        }
        return tag;
    }

    private static String familyNames() {
        return String.join(", ", Arrays.stream(ImageFamily.values()).map(ImageFamily::imageName).toList())
                + " and gcr.io/distroless/*-debianN";
    }
}
