#!/usr/bin/env bash
# The full accessibility matrix of docs/accessibility.md: axe-core on every page each demo role reaches, in the
# light and dark themes, at 1440×900, 1280×720, 1920×1080 and 390×844 (the test suite runs the light theme at
# 1440×900 for every page, and the dark theme and the phone on the four weekly pages). Prints a Markdown table
# per role, theme and size, and writes every page's counts to artifacts/accessibility-matrix.tsv.
#   bench/accessibility.sh
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/throwaway-postgres.sh

if [ -z "${SALESSPEC_CHROMIUM:-}" ]; then
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  SALESSPEC_CHROMIUM=$(command -v chromium)
fi
export SALESSPEC_CHROMIUM

dotnet build tests/SalesSpec.E2E -c Release -nologo -v quiet || exit 1
mkdir -p artifacts
report=$PWD/artifacts/accessibility-matrix.tsv
rm -f "$report"
SALESSPEC_A11Y_MATRIX=full SALESSPEC_A11Y_REPORT=$report \
  dotnet tests/SalesSpec.E2E/bin/Release/net10.0/SalesSpec.E2E.dll -method "*Every_page_a_role_reaches_passes_axe" \
  > artifacts/accessibility-matrix.log 2>&1
status=$?

# role, theme, size, page, critical, serious, moderate, minor (counts of elements), sideways overflow, rules
echo "| Role | Theme | Screen | Pages | Critical | Serious | Moderate | Minor | Sticks out sideways |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ key = $1 "|" $2 "|" $3; if (!(key in pages)) order[++n] = key
  pages[key]++; crit[key] += $5; ser[key] += $6; mod[key] += $7; min[key] += $8; if ($9 == "yes") wide[key]++ }
  END { for (i = 1; i <= n; i++) { k = order[i]; split(k, p, "|")
    printf "| %s | %s | %s | %d | %d | %d | %d | %d | %d |\n", p[1], p[2], p[3], pages[k], crit[k], ser[k], mod[k], min[k], wide[k] + 0 } }' "$report"
echo
echo "Rules found below serious (pages):"
cut -f10 "$report" | tr ' ' '\n' | grep -v '^$' | sort | uniq -c | sort -rn
echo
grep -E "Total:" artifacts/accessibility-matrix.log | sed 's/\x1b\[[0-9;]*m//g'
exit $status
