package dev.portcullis.sbom.cyclonedx;

import dev.portcullis.catalog.Distro;
import dev.portcullis.catalog.Package;
import dev.portcullis.image.Layer;
import dev.portcullis.sbom.SbomPackages;
import dev.portcullis.sbom.SbomRelationships;
import dev.portcullis.sbom.SpdxExpressions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.license.Expression;

/**
 * Turns catalog packages and the distro into CycloneDX components. Facts that CycloneDX has no field
 * for go into properties in the {@code portcullis:} namespace, for example
 * {@code portcullis:layer:digest} and {@code portcullis:location}.
 */
final class ComponentMapper {

    static final Comparator<Property> PROPERTY_ORDER =
            Comparator.comparing(Property::getName).thenComparing(Property::getValue);

    private final SpdxExpressions expressions;

    ComponentMapper(SpdxExpressions expressions) {
        this.expressions = expressions;
    }

    /** Maps one package, with its reference as the component's bom-ref. */
    Component library(SbomPackages.Identified identified) {
        Package pkg = identified.pkg();
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setBomRef(identified.ref());
        component.setName(pkg.name());
        component.setVersion(pkg.version());
        component.setPurl(pkg.purl());
        component.setLicenses(licenses(pkg.licenses()));
        component.setProperties(properties(pkg));
        component.setEvidence(occurrences(pkg.locations()));
        SbomRelationships.isDevelopment(pkg).ifPresent(development ->
                component.setScope(development ? Component.Scope.OPTIONAL : Component.Scope.REQUIRED));
        return component;
    }

    /** Maps a known distro to an {@code operating-system} component, or returns empty for an unknown one. */
    Optional<Component> operatingSystem(Distro distro) {
        if (distro == null || !distro.isKnown()) {
            return Optional.empty();
        }
        Component component = new Component();
        component.setType(Component.Type.OPERATING_SYSTEM);
        component.setBomRef("os:" + distro.id() + (distro.versionId() == null ? "" : "@" + distro.versionId()));
        component.setName(distro.id());
        component.setVersion(distro.versionId());
        component.setDescription(distro.prettyName());
        if (distro.codename() != null) {
            component.setProperties(List.of(new Property("portcullis:distro:codename", distro.codename())));
        }
        return Optional.of(component);
    }

    /**
     * Uses listed SPDX identifiers as {@code license.id} and other names as {@code license.name}. When a
     * declaration is a compound expression, CycloneDX allows only one entry, so all declarations are
     * joined with AND into a single expression, unless one of them is invalid.
     */
    LicenseChoice licenses(List<String> declared) {
        List<String> licenses = declared == null ? List.of() : declared.stream().distinct().toList();
        if (licenses.isEmpty()) {
            return null;
        }
        LicenseChoice choice = new LicenseChoice();
        boolean anyCompound = licenses.stream()
                .anyMatch(l -> expressions.normalize(l).filter(n -> !expressions.isListedId(n)).isPresent());
        Optional<String> joined = anyCompound ? expressions.conjunction(licenses) : Optional.empty();
        if (joined.isPresent()) {
            choice.setExpression(new Expression(joined.get()));
            return choice;
        }
        for (String declaredLicense : licenses) {
            License license = new License();
            Optional<String> id = expressions.normalize(declaredLicense).filter(expressions::isListedId);
            if (id.isPresent()) {
                license.setId(id.get());
            } else {
                license.setName(declaredLicense);
            }
            choice.addLicense(license);
        }
        return choice;
    }

    // Occurrences are the standard place for paths since CycloneDX 1.5; the properties repeat them
    // for readers of older versions.
    private static Evidence occurrences(List<String> locations) {
        if (locations == null || locations.isEmpty()) {
            return null;
        }
        Evidence evidence = new Evidence();
        locations.stream().sorted().forEach(location -> {
            Occurrence occurrence = new Occurrence();
            occurrence.setLocation(location);
            evidence.addOccurrence(occurrence);
        });
        return evidence;
    }

    private static List<Property> properties(Package pkg) {
        List<Property> properties = new ArrayList<>();
        add(properties, "portcullis:architecture", pkg.architecture());
        add(properties, "portcullis:foundBy", pkg.foundBy());
        Layer layer = pkg.layer();
        if (layer != null) {
            add(properties, "portcullis:layer:index", String.valueOf(layer.index()));
            add(properties, "portcullis:layer:digest", layer.digest());
            add(properties, "portcullis:layer:createdBy", layer.createdBy());
        }
        if (pkg.locations() != null) {
            pkg.locations().forEach(location -> add(properties, "portcullis:location", location));
        }
        if (pkg.source() != null) {
            add(properties, "portcullis:sourcePackage:name", pkg.source().name());
            add(properties, "portcullis:sourcePackage:version", pkg.source().version());
        }
        Map<String, String> extra = pkg.properties() == null ? Map.of() : new TreeMap<>(pkg.properties());
        extra.forEach((key, value) -> add(properties, "portcullis:package:" + key, value));
        properties.sort(PROPERTY_ORDER);
        return properties;
    }

    static void add(List<Property> properties, String name, String value) {
        if (value != null && !value.isEmpty()) {
            properties.add(new Property(name, value));
        }
    }
}
