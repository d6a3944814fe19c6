#!/usr/bin/env bash
# Builds the bundled example image, examples/demo-image/, without a container engine.
#
# The result is an OCI image layout (tag "demo", linux/amd64) with two gzip layers:
#   1. A distroless-style Debian 12 base: the packages in BASE_PACKAGES, fetched with
#      `apt-get download`, unpacked with `dpkg-deb -x` (no maintainer scripts run) and recorded the
#      way distroless records them: /var/lib/dpkg/status.d/<package> contains the package's control
#      stanza and /var/lib/dpkg/status.d/<package>.md5sums its md5sums.
#   2. The application: dumb-init (the same status.d form), /app with demo-app/ and its production
#      node_modules from `npm ci --omit=dev`, and an /etc/passwd that adds the user "app" (1000).
# The image carries the app but no Node.js runtime: the node binary alone is about 100 MB, so this
# trimmed example leaves it out. It can be scanned, not run. examples/Dockerfile is the build it
# stands for.
#
# Needs (Debian bookworm): bash, apt-get with bookworm sources and fresh lists (`apt-get update`),
# dpkg-deb, GNU tar (1.28 or newer, for --sort), gzip, sha256sum, npm (7 or newer, for lockfile
# v3 and --omit), python3 (3.10 or newer, writes and checks the JSON). Network access to the Debian mirror in
# the apt sources and to the npm registry.
#
# Usage: examples/build-demo-image.sh [OUTPUT_DIR]     (default: examples/demo-image)
# Layers are reproducible: the same package versions and lockfile give the same digests.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
out=${1:-$here/demo-image}
app_src=$here/demo-app

# Debian packages of the base layer, in the order they are unpacked. libstdc++6, which Node.js
# needs, is left out with the runtime, to keep the committed image small.
BASE_PACKAGES=(base-files netbase ca-certificates gcc-12-base libgcc-s1 libc6 zlib1g)
APP_PACKAGES=(dumb-init)
ARCH=amd64
IMAGE_SOURCE=${IMAGE_SOURCE:-https://example.org/portcullis/examples}

for tool in apt-get dpkg-deb tar gzip sha256sum npm python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-demo-image: $tool not found on the PATH; install it (see the header of $0)." >&2
    exit 2
  fi
done
if ! apt-cache show "base-files:$ARCH" >/dev/null 2>&1; then
  echo "build-demo-image: apt has no candidate for base-files:$ARCH; run 'apt-get update' with Debian bookworm sources." >&2
  exit 2
fi

umask 022
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs" "$work/base" "$work/app" "$work/blobs"
# apt drops privileges to _apt for downloads, so that user must be able to write the folder.
chmod 0755 "$work"
if [ "$(id -u)" = 0 ] && getent passwd _apt >/dev/null; then
  chown _apt "$work/debs"
fi

# Fetches the named packages for $ARCH into $work/debs and prints the .deb paths, one per line.
download_debs() {
  local specs=() package
  for package in "$@"; do
    specs+=("$package:$ARCH")
  done
  (cd "$work/debs" && apt-get -q download "${specs[@]}" >&2)
  for package in "$@"; do
    local debs=("$work/debs/${package}"_*_"$ARCH".deb "$work/debs/${package}"_*_all.deb)
    local deb
    for deb in "${debs[@]}"; do
      if [ -f "$deb" ]; then
        echo "$deb"
      fi
    done
  done
}

# Unpacks one .deb into a root filesystem and records it in distroless form under status.d.
install_deb() {
  local deb=$1 root=$2 package
  package=$(dpkg-deb -f "$deb" Package)
  mkdir -p "$root/var/lib/dpkg/status.d"
  dpkg-deb -x "$deb" "$root"
  dpkg-deb -f "$deb" > "$root/var/lib/dpkg/status.d/$package"
  # The listing goes to a variable first because grep -q exiting early would make the pipeline fail.
  local control_files
  control_files=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t)
  if grep -qx './md5sums' <<< "$control_files"; then
    dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./md5sums > "$root/var/lib/dpkg/status.d/$package.md5sums"
  fi
  printf '%s\t%s\t%s\n' "$package" "$(dpkg-deb -f "$deb" Version)" "$(dpkg-deb -f "$deb" Architecture)" \
    >> "$work/packages.tsv"
}

# Writes a reproducible gzip layer of a root filesystem and prints "<diff_id> <blob digest> <size>".
pack_layer() {
  local root=$1 name=$2
  (cd "$root" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | sort) > "$work/$name.list"
  tar --create --file="$work/$name.tar" --directory="$root" --files-from="$work/$name.list" \
    --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
    --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime
  gzip -n -9 -c "$work/$name.tar" > "$work/$name.tar.gz"
  local diff_id blob size
  diff_id=$(sha256sum "$work/$name.tar" | cut -d' ' -f1)
  blob=$(sha256sum "$work/$name.tar.gz" | cut -d' ' -f1)
  size=$(stat -c %s "$work/$name.tar.gz")
  mv "$work/$name.tar.gz" "$work/blobs/$blob"
  echo "$diff_id $blob $size"
}

# Layer 1: the distroless-style base.
: > "$work/packages.tsv"
base_list=$(download_debs "${BASE_PACKAGES[@]}")
mapfile -t base_debs <<< "$base_list"
if [ "${#base_debs[@]}" -ne "${#BASE_PACKAGES[@]}" ]; then
  echo "build-demo-image: expected ${#BASE_PACKAGES[@]} .deb files, apt-get downloaded ${#base_debs[@]}." >&2
  exit 1
fi
for deb in "${base_debs[@]}"; do
  install_deb "$deb" "$work/base"
done
if ! grep -qx 'VERSION_CODENAME=bookworm' "$work/base/usr/lib/os-release"; then
  echo "build-demo-image: base-files is not Debian 12 bookworm; point apt at bookworm sources." >&2
  exit 1
fi
# ca-certificates builds its bundle in postinst, which dpkg-deb -x does not run. Concatenating the
# shipped certificates gives the certificates update-ca-certificates puts in the bundle by default.
mkdir -p "$work/base/etc/ssl/certs"
find "$work/base/usr/share/ca-certificates" -name '*.crt' | sort \
  | xargs cat > "$work/base/etc/ssl/certs/ca-certificates.crt"
# The users and groups of the distroless base images.
cat > "$work/base/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
EOF
cat > "$work/base/etc/group" <<'EOF'
root:x:0:
tty:x:5:
staff:x:50:
nonroot:x:65532:
nobody:x:65534:
EOF
base_layer=$(pack_layer "$work/base" base)
read -r base_diff base_blob base_size <<< "$base_layer"

# Layer 2: dumb-init, the app with its production dependencies, and the app user.
app_list=$(download_debs "${APP_PACKAGES[@]}")
mapfile -t app_debs <<< "$app_list"
for deb in "${app_debs[@]}"; do
  install_deb "$deb" "$work/app"
done
mkdir -p "$work/app/app"
cp "$app_src/package.json" "$app_src/package-lock.json" "$app_src/index.js" "$work/app/app/"
(cd "$work/app/app" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
mkdir -p "$work/app/etc"
cp "$work/base/etc/passwd" "$work/base/etc/group" "$work/app/etc/"
echo 'app:x:1000:1000:app:/app:/sbin/nologin' >> "$work/app/etc/passwd"
echo 'app:x:1000:' >> "$work/app/etc/group"
app_layer=$(pack_layer "$work/app" app)
read -r app_diff app_blob app_size <<< "$app_layer"

npm_count=$(find "$work/app/app/node_modules" -name package.json -printf '%h\n' \
  | grep -E '/node_modules/(@[^/]+/)?[^/@]+$' | sort -u | wc -l)

# Config, manifest and index. The config's history has one entry per layer and an empty_layer
# entry for each Dockerfile step that changes only the config, as BuildKit writes them.
rm -rf "$out"
mkdir -p "$out/blobs/sha256"
mv "$work/blobs/"* "$out/blobs/sha256/"
BASE_DIFF=$base_diff BASE_BLOB=$base_blob BASE_SIZE=$base_size \
APP_DIFF=$app_diff APP_BLOB=$app_blob APP_SIZE=$app_size \
BASE_PACKAGES="${BASE_PACKAGES[*]}" IMAGE_SOURCE=$IMAGE_SOURCE OUT=$out \
python3 - <<'PYTHON'
import hashlib
import json
import os

env = os.environ
out = env["OUT"]
created = "1970-01-01T00:00:00Z"
path_value = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/nodejs/bin"


def write_blob(document):
    data = json.dumps(document, indent=2, sort_keys=False).encode() + b"\n"
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(out, "blobs", "sha256", digest), "wb") as blob:
        blob.write(data)
    return "sha256:" + digest, len(data)


def step(created_by, empty_layer=False):
    entry = {"created": created, "created_by": created_by, "comment": "buildkit.dockerfile.v0"}
    if empty_layer:
        entry["empty_layer"] = True
    return entry


labels = {
    "org.opencontainers.image.title": "portcullis-demo-app",
    "org.opencontainers.image.description": "Example image bundled with Portcullis: a distroless-style Debian 12 base and a small Express app, without the Node.js runtime.",
    "org.opencontainers.image.version": "1.0.0",
    "org.opencontainers.image.licenses": "Apache-2.0",
    "org.opencontainers.image.source": env["IMAGE_SOURCE"],
    "org.opencontainers.image.base.name": "gcr.io/distroless/nodejs20-debian12",
}
label_step = "LABEL " + " ".join(f"{key}={json.dumps(value)}" for key, value in labels.items())
config = {
    "created": created,
    "architecture": "amd64",
    "os": "linux",
    "config": {
        "User": "app",
        "ExposedPorts": {"3000/tcp": {}},
        "Env": [
            "PATH=" + path_value,
            "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
            "NODE_ENV=production",
        ],
        "Entrypoint": ["/usr/bin/dumb-init", "--"],
        "Cmd": ["node", "/app/index.js"],
        "Labels": labels,
    },
    "rootfs": {
        "type": "layers",
        "diff_ids": ["sha256:" + env["BASE_DIFF"], "sha256:" + env["APP_DIFF"]],
    },
    "history": [
        {
            "created": created,
            "created_by": "distroless-style Debian 12 base: dpkg-deb -x "
            + env["BASE_PACKAGES"]
            + "; control stanzas in /var/lib/dpkg/status.d",
            "comment": "trimmed stand-in for gcr.io/distroless/nodejs20-debian12, without Node.js",
        },
        step(label_step, empty_layer=True),
        step(f"ENV PATH={path_value} NODE_ENV=production", empty_layer=True),
        step("COPY /out/ / # buildkit"),
        step("USER app", empty_layer=True),
        step("EXPOSE map[3000/tcp:{}]", empty_layer=True),
        step('ENTRYPOINT ["/usr/bin/dumb-init" "--"]', empty_layer=True),
        step('CMD ["node" "/app/index.js"]', empty_layer=True),
    ],
}
config_digest, config_size = write_blob(config)

layer_type = "application/vnd.oci.image.layer.v1.tar+gzip"
manifest = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {
        "mediaType": "application/vnd.oci.image.config.v1+json",
        "digest": config_digest,
        "size": config_size,
    },
    "layers": [
        {"mediaType": layer_type, "digest": "sha256:" + env["BASE_BLOB"], "size": int(env["BASE_SIZE"])},
        {"mediaType": layer_type, "digest": "sha256:" + env["APP_BLOB"], "size": int(env["APP_SIZE"])},
    ],
    "annotations": {"org.opencontainers.image.source": env["IMAGE_SOURCE"]},
}
manifest_digest, manifest_size = write_blob(manifest)

index = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.index.v1+json",
    "manifests": [
        {
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "digest": manifest_digest,
            "size": manifest_size,
            "platform": {"architecture": "amd64", "os": "linux"},
            "annotations": {"org.opencontainers.image.ref.name": "demo"},
        }
    ],
}
with open(os.path.join(out, "index.json"), "w") as handle:
    json.dump(index, handle, indent=2)
    handle.write("\n")
with open(os.path.join(out, "oci-layout"), "w") as handle:
    json.dump({"imageLayoutVersion": "1.0.0"}, handle)
PYTHON

# Reads the layout back and checks every digest, size and diff_id, so a broken write fails here.
OUT=$out python3 - <<'PYTHON'
import gzip
import hashlib
import json
import os
import sys

out = os.environ["OUT"]


def read_checked(descriptor):
    path = os.path.join(out, "blobs", "sha256", descriptor["digest"].split(":", 1)[1])
    with open(path, "rb") as blob:
        data = blob.read()
    if "sha256:" + hashlib.sha256(data).hexdigest() != descriptor["digest"] or len(data) != descriptor["size"]:
        sys.exit(f"build-demo-image: {path} does not match its descriptor {descriptor}")
    return data


with open(os.path.join(out, "index.json")) as handle:
    index = json.load(handle)
manifest = json.loads(read_checked(index["manifests"][0]))
config = json.loads(read_checked(manifest["config"]))
for layer, diff_id in zip(manifest["layers"], config["rootfs"]["diff_ids"], strict=True):
    if "sha256:" + hashlib.sha256(gzip.decompress(read_checked(layer))).hexdigest() != diff_id:
        sys.exit(f"build-demo-image: layer {layer['digest']} does not decompress to {diff_id}")
PYTHON

{
  echo "# Packages in the demo image, as build-demo-image.sh installed them."
  echo "# Debian 12 bookworm packages (apt-get download, $ARCH), one per line: layer, package, version, architecture."
  awk -F'\t' -v base="${#BASE_PACKAGES[@]}" '{ printf "%d\t%s\t%s\t%s\n", (NR <= base ? 1 : 2), $1, $2, $3 }' \
    "$work/packages.tsv"
  echo "# npm packages under /app/node_modules (layer 2, npm ci --omit=dev): $npm_count"
  echo "# npm lockfile: demo-app/package-lock.json, sha256 $(sha256sum "$app_src/package-lock.json" | cut -d' ' -f1)"
} > "$out/PACKAGES.txt"

echo "build-demo-image: wrote $out" >&2
echo "  layer 1 (base): sha256:$base_blob, $base_size bytes" >&2
echo "  layer 2 (app):  sha256:$app_blob, $app_size bytes" >&2
du -sh "$out" >&2
