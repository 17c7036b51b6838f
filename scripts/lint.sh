#!/usr/bin/env bash
# Runs both linters; either failing (an error or a warning) fails the run.
# Spectral reads a bundled copy: spectral-cli 6.16 wrongly reports every external path-item $ref
# in a 3.1 document as "must not have unevaluated properties" (stoplightio/spectral#2655). The copy is
# made by scripts/bundle.ts like dist/openapi.yaml, so Spectral also sees the generated code samples.
set -euo pipefail
export REDOCLY_TELEMETRY=off
cd "$(dirname "$0")/.."
what="${1:-all}"
if [[ "$what" == all || "$what" == redocly ]]; then
  # Redocly exits 0 on warnings; we do not accept them, so read its summary too.
  out=$(npx --no-install redocly lint openapi/openapi.yaml --max-problems 1000 2>&1) || { echo "$out"; exit 1; }
  echo "$out"
  if grep -q -E '[0-9]+ warnings?' <<<"$out"; then echo "redocly lint: warnings are not accepted" >&2; exit 1; fi
fi
if [[ "$what" == all || "$what" == spectral ]]; then
  mkdir -p dist/lint
  npx --no-install tsx scripts/bundle.ts dist/lint >/dev/null
  npx --no-install spectral lint dist/lint/openapi.yaml --ruleset .spectral.yaml --fail-severity=warn
fi
