#!/usr/bin/env bash
# Regenerates tests/fixtures/excel/template-mtszn-libreoffice.xlsx: a pre-filled template
# (tests/modules/excel/libreoffice.fixture.ts) opened and re-saved by LibreOffice Calc.
# CI has no LibreOffice: the re-saved file is committed and the test uses it as is.
# Re-run after a change to the questionnaire data or the template layout.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found (apt-get install libreoffice-calc)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/out" tests/fixtures/excel
npx tsx tests/modules/excel/make-fixture.ts "$work/in/template-mtszn-libreoffice.xlsx"
# A throw-away profile so a running or first-time LibreOffice does not interfere.
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
  --convert-to xlsx --outdir "$work/out" "$work/in/template-mtszn-libreoffice.xlsx"
cp "$work/out/template-mtszn-libreoffice.xlsx" tests/fixtures/excel/template-mtszn-libreoffice.xlsx
echo "wrote tests/fixtures/excel/template-mtszn-libreoffice.xlsx ($(soffice --version | head -1))"
