#!/usr/bin/env bash
# Times the steps of `npx projen build` one by one and prints, for each, the wall time, the CPU
# time (user + sys of the step and every process it starts) and the peak memory of its largest
# process, then the totals and the load average: other work on the machine stretches wall times,
# CPU times much less.
#
#   npx projen measure                       the build's steps, in the build's order
#   npx projen measure jest jest:no-coverage only the named steps
#   MEASURE_LOG=dir npx projen measure       keeps each step's output in dir/<step>.log
#
# The build's steps: jsii docgen:lint rosetta:check docgen:check codegen:check type-check jest
# eslint package:js test:consumer. Also: tsc:examples and tsc:tests (type-check's two programs
# one at a time), jest:no-coverage. A post-compile check needs `jsii` (or `npx projen compile`)
# first; test:consumer needs package:js. eslint runs without --fix here.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1
export PATH="$PWD/node_modules/.bin:$PATH"

log_dir="${MEASURE_LOG:-$(mktemp -d)}"
mkdir -p "$log_dir"
all=(jsii docgen:lint rosetta:check docgen:check codegen:check type-check jest eslint package:js test:consumer)
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=("${all[@]}")

command_of() {
  case "$1" in
    jsii) echo 'jsii --silence-warnings=reserved-word' ;;
    docgen:lint | docgen:check | rosetta:check | codegen:check | package:js | test:consumer) echo "npx projen $1" ;;
    type-check) echo 'node build-tools/type-check.js' ;;
    tsc:examples) echo 'tsc --noEmit -p examples/tsconfig.json' ;;
    tsc:tests) echo 'tsc --noEmit -p test/tsconfig.json' ;;
    jest) echo 'jest --passWithNoTests --ci' ;;
    jest:no-coverage) echo 'jest --passWithNoTests --ci --coverage=false' ;;
    eslint) echo 'ESLINT_USE_FLAT_CONFIG=false eslint --ext .ts --no-error-on-unmatched-pattern src test examples benchmark projenrc .projenrc.ts' ;;
    *) return 1 ;;
  esac
}

failed=0
total_wall=0
total_cpu=0
printf '%-18s %9s %9s %9s  %s\n' step wall cpu 'peak MB' status
for step in "${steps[@]}"; do
  if ! cmd=$(command_of "$step"); then
    echo "unknown step: $step (steps: ${all[*]} tsc:examples tsc:tests jest:no-coverage)" >&2
    exit 2
  fi
  log="$log_dir/${step//:/-}.log"
  start=$(date +%s.%N)
  # GNU time measures the step and every process it starts.
  /usr/bin/time -f '%U %S %M' -o "$log.time" bash -c "$cmd" >"$log" 2>&1
  status=$?
  end=$(date +%s.%N)
  read -r user sys peak < <(tail -n 1 "$log.time") 2>/dev/null || { user=0; sys=0; peak=0; }
  [ "$status" -ne 0 ] && failed=1
  wall=$(awk "BEGIN { print $end - $start }")
  cpu=$(awk "BEGIN { print $user + $sys }")
  total_wall=$(awk "BEGIN { print $total_wall + $wall }")
  total_cpu=$(awk "BEGIN { print $total_cpu + $cpu }")
  printf '%-18s %8.1fs %8.1fs %9d  %s\n' "$step" "$wall" "$cpu" "$((peak / 1024))" \
    "$([ "$status" -eq 0 ] && echo ok || echo "failed ($status), see $log")"
done
printf '%-18s %8.1fs %8.1fs\n' total "$total_wall" "$total_cpu"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; logs in $log_dir"
exit "$failed"
