#!/usr/bin/env python3
"""Generates the data sets of bench/db-bench.sh; nothing it writes belongs in git.

  gen-bench-data.py osv ZIP RECORDS        OSV records in one zip, like the ecosystem zips OSV publishes
  gen-bench-data.py project DIR PACKAGES   a folder with node_modules/NAME/package.json and index.js
  gen-bench-data.py jar FILE MEGABYTES     a Spring Boot-style jar: BOOT-INF/lib/*.jar plus padding

Names are deterministic (random.Random(34)), so two runs give the same bytes. npm package names
bench-pkg-0 ... bench-pkg-19999 are shared by the OSV records and the project, so a scan of a
generated project of 1,000 packages against the generated database finds matches.
"""
import io
import json
import os
import random
import re
import sys
import zipfile

NPM_NAMES = 20000
DIRECT = 100


def version(rng):
    return f"{rng.randint(0, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 50)}"


def debian_version(rng):
    return f"{rng.randint(1, 9)}.{rng.randint(0, 20)}-{rng.randint(1, 9)}+deb12u{rng.randint(1, 5)}"


def package_of(rng, ecosystem):
    if ecosystem == "npm":
        return {"ecosystem": "npm", "name": f"bench-pkg-{rng.randrange(NPM_NAMES)}"}
    if ecosystem == "Maven":
        group = rng.randrange(500)
        return {"ecosystem": "Maven", "name": f"org.bench{group}:artifact-{rng.randrange(40)}"}
    if ecosystem == "PyPI":
        return {"ecosystem": "PyPI", "name": f"bench-py-{rng.randrange(15000)}"}
    return {"ecosystem": "Debian:12", "name": f"libbench{rng.randrange(8000)}"}


def events(rng, ecosystem):
    make = debian_version if ecosystem == "Debian" else version
    # Numeric order, so that each range opens before it closes.
    key = lambda text: [int(part) for part in re.findall(r"\d+", text)]
    first, second, third = sorted([make(rng), make(rng), make(rng)], key=key)
    shape = rng.randrange(4)
    if shape == 0:
        return [{"introduced": "0"}, {"fixed": second}]
    if shape == 1:
        return [{"introduced": first}, {"fixed": second}]
    if shape == 2:
        return [{"introduced": first}, {"last_affected": second}]
    # Two windows in one range, as advisories for several release lines have.
    return [{"introduced": "0"}, {"fixed": first}, {"introduced": second}, {"fixed": third}]


def affected(rng, ecosystem):
    range_type = "SEMVER" if ecosystem == "npm" else "ECOSYSTEM"
    entry = {"package": package_of(rng, ecosystem),
             "ranges": [{"type": range_type, "events": events(rng, ecosystem)}]}
    if ecosystem == "PyPI" and rng.random() < 0.5:
        entry["versions"] = [version(rng) for _ in range(rng.randint(1, 6))]
    entry["database_specific"] = {"source": "bench"}
    return entry


def cvss(rng):
    pick = lambda *values: rng.choice(values)
    return (f"CVSS:3.1/AV:{pick('N', 'A', 'L', 'P')}/AC:{pick('L', 'H')}/PR:{pick('N', 'L', 'H')}/UI:{pick('N', 'R')}"
            f"/S:{pick('U', 'C')}/C:{pick('N', 'L', 'H')}/I:{pick('N', 'L', 'H')}/A:{pick('N', 'L', 'H')}")


def osv(path, count):
    rng = random.Random(34)
    ecosystems = ["npm", "Maven", "PyPI", "Debian"]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number in range(count):
            ecosystem = ecosystems[number % 4]
            prefix = {"npm": "GHSA", "Maven": "GHSA", "PyPI": "PYSEC", "Debian": "DSA"}[ecosystem]
            identifier = f"{prefix}-BENCH-{number:07d}"
            record = {
                "schema_version": "1.6.0",
                "id": identifier,
                "modified": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T00:00:00Z",
                "published": f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T00:00:00Z",
                "aliases": [f"CVE-20{rng.randint(15, 26)}-{rng.randint(1000, 99999)}"]
                + ([f"GHSA-{number:04x}-bnch-{rng.randrange(9999):04d}"] if rng.random() < 0.3 else []),
                "summary": f"Generated advisory {number} for a benchmark",
                "details": "A generated description of the flaw. " * rng.randint(2, 12),
                "severity": [{"type": "CVSS_V3", "score": cvss(rng)}],
                "affected": [affected(rng, ecosystem) for _ in range(rng.randint(1, 3))],
                "references": [{"type": "ADVISORY", "url": f"https://example.invalid/advisories/{identifier}"},
                               {"type": "WEB", "url": f"https://example.invalid/issues/{number}"}],
            }
            archive.writestr(f"{identifier}.json", json.dumps(record, indent=2))


def project(root, count):
    modules = os.path.join(root, "node_modules")
    for number in range(count):
        folder = os.path.join(modules, f"bench-pkg-{number}")
        os.makedirs(folder, exist_ok=True)
        manifest = {"name": f"bench-pkg-{number}", "version": f"{number % 10}.{number % 31}.{number % 51}",
                    "description": "generated package", "license": "MIT", "main": "index.js",
                    "dependencies": {f"bench-pkg-{(number * 7 + 1) % count}": "^1.0.0"}}
        with open(os.path.join(folder, "package.json"), "w") as handle:
            json.dump(manifest, handle, indent=2)
        with open(os.path.join(folder, "index.js"), "w") as handle:
            handle.write(f"module.exports = function benchPkg{number}() {{ return {number}; }};\n" * 8)
    # An application names about a hundred direct dependencies, and the rest are transitive. The
    # npm cataloger's cost grows with installed packages times direct dependencies.
    with open(os.path.join(root, "package.json"), "w") as handle:
        json.dump({"name": "bench-app", "version": "1.0.0",
                   "dependencies": {f"bench-pkg-{n}": "*" for n in range(min(count, DIRECT))}}, handle)


def small_jar(rng, group, artifact, release):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as jar:
        jar.writestr("META-INF/MANIFEST.MF",
                     f"Manifest-Version: 1.0\r\nImplementation-Title: {artifact}\r\n"
                     f"Implementation-Version: {release}\r\nImplementation-Vendor-Id: {group}\r\n\r\n")
        jar.writestr(f"META-INF/maven/{group}/{artifact}/pom.properties",
                     f"groupId={group}\nartifactId={artifact}\nversion={release}\n")
        for number in range(rng.randint(20, 60)):
            jar.writestr(f"{group.replace('.', '/')}/{artifact}/C{number}.class", rng.randbytes(rng.randint(500, 4000)))
    return buffer.getvalue()


def jar(path, megabytes):
    rng = random.Random(34)
    target = megabytes * 1024 * 1024
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader."
                         "launch.JarLauncher\r\nStart-Class: bench.App\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n")
        archive.writestr("META-INF/maven/bench/app/pom.properties", "groupId=bench\nartifactId=app\nversion=1.0.0\n")
        for number in range(300):
            group, artifact = f"org.bench{number % 50}", f"lib-{number}"
            archive.writestr(f"BOOT-INF/lib/{artifact}-1.{number % 9}.0.jar",
                             small_jar(rng, group, artifact, f"1.{number % 9}.0"))
        number = 0
        # Incompressible padding classes and resources bring the jar to the requested size.
        while os.path.getsize(path) < target:
            archive.writestr(f"BOOT-INF/classes/bench/pad/R{number}.bin", rng.randbytes(256 * 1024))
            number += 1


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("osv", "project", "jar"):
        sys.exit(__doc__)
    kind, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    {"osv": osv, "project": project, "jar": jar}[kind](path, size)


if __name__ == "__main__":
    main()
