package dev.portcullis.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.catalog.Package;
import dev.portcullis.catalog.PackageType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SbomPackagesTest {

    @Test
    void shouldSortByTypeNameVersionLocation() {
        List<SbomPackages.Identified> identified = SbomPackages.identify(SampleInventories.debianImage().packages());

        assertThat(identified).extracting(i -> i.pkg().name() + " " + i.pkg().locations().getFirst()).containsExactly(
                "libc6 /var/lib/dpkg/status",
                "libssl3 /var/lib/dpkg/status",
                "express /app/node_modules/express/package.json",
                "lodash /app/node_modules/lodash/package.json",
                "lodash /usr/local/lib/node_modules/npm/node_modules/lodash/package.json");
    }

    @Test
    void shouldUsePurlAsRefWhenUnique() {
        List<SbomPackages.Identified> identified = SbomPackages.identify(SampleInventories.debianImage().packages());

        assertThat(identified.get(2).ref()).isEqualTo("pkg:npm/express@4.17.1");
    }

    @Test
    void shouldAddLocationHashWhenPurlRepeats() {
        List<SbomPackages.Identified> identified = SbomPackages.identify(SampleInventories.debianImage().packages());

        assertThat(identified.get(3).ref()).isEqualTo("pkg:npm/lodash@4.17.15#"
                + SbomPackages.shortHash("/app/node_modules/lodash/package.json\n" + SampleInventories.APP_LAYER.digest()));
        assertThat(identified.get(4).ref()).matches("pkg:npm/lodash@4\\.17\\.15#[0-9a-f]{12}");
        assertThat(identified.get(4).ref()).isNotEqualTo(identified.get(3).ref());
    }

    @Test
    void shouldNumberIdenticalCopies() {
        Package copy = npm("pkg:npm/a@1.0.0");

        List<SbomPackages.Identified> identified = SbomPackages.identify(List.of(copy, copy));

        assertThat(identified.get(1).ref()).isEqualTo(identified.get(0).ref() + "-2");
    }

    @Test
    void shouldBuildRefForPackageWithoutPurl() {
        List<SbomPackages.Identified> identified = SbomPackages.identify(List.of(npm(null)));

        assertThat(identified.getFirst().ref()).isEqualTo("portcullis:npm/a@1.0.0");
    }

    @Test
    void shouldKeepRefsStableAcrossInputOrder() {
        List<Package> packages = SampleInventories.debianImage().packages();
        List<Package> reversed = packages.reversed();

        assertThat(SbomPackages.identify(reversed)).isEqualTo(SbomPackages.identify(packages));
    }

    private static Package npm(String purl) {
        return new Package(PackageType.NPM, "a", "1.0.0", null, null, purl, "npm-package-cataloger",
                List.of("/app/node_modules/a/package.json"), List.of(), null, List.of(), Map.of());
    }
}
