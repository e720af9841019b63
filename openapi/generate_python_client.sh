#!/usr/bin/env bash
# Regenerate the Python SDK (openapi/clients/python) from the committed openapi/openapi.json.
#
#   openapi/generate_python_client.sh             # rewrite openapi/clients/python in place
#   openapi/generate_python_client.sh OUTPUT_DIR  # write the same tree elsewhere (the staleness test)
#
# Deterministic: the same document, config, README template, generator version (checked below)
# and ruff version (the project's, from .venv/bin) give the same bytes. Any generator warning is
# an error (--fail-on-warning), and then nothing is replaced. The SDK's README comes from
# openapi/clients/python/templates/README.md.jinja, the one file there that is not generated.
set -euo pipefail

GENERATOR_VERSION=0.29.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sdk="$root/openapi/clients/python"
out=${1:-$sdk}
# The post-hooks call `ruff` from PATH: the project's own, so formatting does not depend on the machine.
export PATH="$root/.venv/bin:$PATH"

in_place=false
if [[ "$(realpath -m "$out")" == "$sdk" ]]; then
    in_place=true
elif [[ -e "$out" ]] && [[ -n "$(ls -A "$out")" ]]; then
    echo "$out exists and is not empty: give a new folder" >&2
    exit 1
fi

found=$(openapi-python-client --version)
if [[ "$found" != *" $GENERATOR_VERSION" ]]; then
    echo "need openapi-python-client $GENERATOR_VERSION, found: $found" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openapi-python-client generate \
    --path "$root/openapi/openapi.json" \
    --config "$root/openapi/python-client.yaml" \
    --custom-template-path "$sdk/templates" \
    --meta pdm \
    --output-path "$work/python" \
    --fail-on-warning

if $in_place; then
    # Replace everything generated, so a removed operation or model leaves no file behind; keep
    # only the templates (an input, not an output).
    find "$sdk" -mindepth 1 -maxdepth 1 ! -name templates -exec rm -rf {} +
    cp -R "$work/python/." "$sdk/"
else
    mkdir -p "$out"
    cp -R "$work/python/." "$out/"
fi
echo "Python SDK written to $out"
