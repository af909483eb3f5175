#!/usr/bin/env bash
# Builds the installable ZIP of the Moodle plugin: target/local_eadtutors.zip, with the folder eadtutors/ at its root,
# as Moodle's plugin installer (Site administration > Plugins > Install plugins) expects.
set -euo pipefail
cd "$(dirname "$0")"
out="../target/local_eadtutors.zip"
mkdir -p ../target
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  zip -q -r -X "$out" eadtutors -x '*/.*'
else
  python3 - "$out" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk("eadtutors"):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if not f.startswith("."):
                z.write(os.path.join(root, f))
PY
fi
echo "$(cd ../target && pwd)/local_eadtutors.zip"
