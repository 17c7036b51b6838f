#!/usr/bin/env bash
# Bundles the multi-file document into the two single files downstream repos consume.
set -euo pipefail
export REDOCLY_TELEMETRY=off
cd "$(dirname "$0")/.."
mkdir -p dist
npx --no-install redocly bundle openapi/openapi.yaml --output dist/openapi.yaml
npx --no-install redocly bundle openapi/openapi.yaml --output dist/openapi.json --ext json
