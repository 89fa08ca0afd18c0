#!/usr/bin/env bash
# Runs a command with the clock moved forward three years (Debian's faketime), after checking that
# Node really sees the moved clock: a silently ignored LD_PRELOAD would make the run prove nothing.
#   bash bin/later-clock.sh npx vitest run          # the unit suite, as .ci/run does
#   bash bin/later-clock.sh npm run test:e2e        # the end-to-end suite (after npm run build)
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime is not installed: sudo apt-get install -y faketime" >&2
  exit 2
fi
OFFSET="${LATER_CLOCK_OFFSET:-+3y}"
real=$(date +%s)
REAL="$real" faketime -f "$OFFSET" node -e '
  const moved = Date.now() / 1000 - Number(process.env.REAL);
  if (moved < 86400 * 365) { console.error(`faketime did not move the Node clock (moved ${Math.round(moved)} s)`); process.exit(2); }
  console.log(`clock moved to ${new Date().toISOString()}`);
'
exec faketime -f "$OFFSET" "$@"
