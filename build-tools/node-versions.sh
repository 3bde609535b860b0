#!/usr/bin/env bash
# Runs what a user runs on the Node.js versions this library supports, for each
# major version given (default: 22 24):
# - the consumer test (the README's install, quick start and testing guide in a
#   new cdktf project), where the cdktf CLI 0.21 starts: Node.js 22. On 24 it
#   does not (its node-pty module has no build for Node.js 24's ABI), which
#   README and docs/cdktn.md say;
# - the examples' synth: `npx cdktf synth` (the README's first set-up command),
#   and on 24 the app command of cdktf.json that `cdktf synth` runs;
# - the CDK Terrain recipe (docs/cdktn.md), whose CLI needs Node.js 22.19+;
# - on 24, the cdktn edition build (build-tools/cdktn-edition.js).
# Needs the packed library in dist/js (`npx projen package:js`).
#
# A version that is not the `node` on PATH is installed from the npm registry
# (package node-<platform>-<arch>@<major>, the official binary) into
# $NODE_VERSIONS_DIR (default: a folder in the temp directory, reused by later
# runs); npm's own cache makes a second install cheap.
#
# Prints one line per step and a summary; exits non-zero when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[ ${#versions[@]} -eq 0 ] && versions=(22 24)
dir="${NODE_VERSIONS_DIR:-${TMPDIR:-/tmp}/cdktf-zero-trust-fargate-node}"
step_timeout="${NODE_VERSIONS_STEP_TIMEOUT:-20m}"
export CHECKPOINT_DISABLE=1 CI=true

if ! ls dist/js/*.tgz >/dev/null 2>&1; then
  echo "node-versions: no package in dist/js; run \`npx projen package:js\` first"
  exit 1
fi

failures=()
summary=()

# Prints the bin folder of a Node.js of the given major version, installing it when needed.
node_bin() {
  local major="$1"
  if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" = "$major" ]; then
    dirname "$(command -v node)"
    return 0
  fi
  local pkg prefix
  pkg="node-$(node -p 'process.platform')-$(node -p 'process.arch')"
  prefix="$dir/$major"
  if [ ! -x "$prefix/node_modules/$pkg/bin/node" ]; then
    echo "node-versions: installing $pkg@$major from the npm registry into $prefix" >&2
    mkdir -p "$prefix"
    timeout 10m npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "$pkg@$major" >&2 || return 1
  fi
  [ "$("$prefix/node_modules/$pkg/bin/node" -p 'process.versions.node.split(".")[0]')" = "$major" ] || return 1
  echo "$prefix/node_modules/$pkg/bin"
}

# Runs one step with the given Node.js first on PATH; records its result.
step() {
  local major="$1" name="$2"
  shift 2
  local started=$SECONDS
  echo "::: Node.js $major: $name"
  if PATH="$bin:$PATH" timeout "$step_timeout" "$@"; then
    summary+=("Node.js $major ($version): $name passed ($((SECONDS - started)) s)")
  else
    local status=$?
    local why="exited with status $status"
    [ "$status" -eq 124 ] && why="timed out after $step_timeout"
    summary+=("Node.js $major ($version): $name FAILED: $why")
    failures+=("Node.js $major: $name")
  fi
}

# The README's first set-up command (after its npm install), or the app command of cdktf.json
# that it runs ($1), and the stacks it must write.
synth_examples='rm -rf cdktf.out && eval "$1" || exit 1
for stack in flask-images flask grafana; do
  [ -s "cdktf.out/stacks/$stack/cdk.tf.json" ] || { echo "the examples synth wrote no cdktf.out/stacks/$stack/cdk.tf.json"; exit 1; }
done'
app_command="$(node -p 'require("./cdktf.json").app')"

for major in "${versions[@]}"; do
  if ! bin="$(node_bin "$major")"; then
    summary+=("Node.js $major: could not install node-$(node -p 'process.platform')-$(node -p 'process.arch')@$major from the npm registry")
    failures+=("Node.js $major: install")
    continue
  fi
  version="$("$bin/node" --version)"
  echo "::: Node.js $major is $version ($bin/node)"
  if [ "$major" -lt 24 ]; then
    rm -f dist/consumer/cdktf-quick-start.cdk.tf.json
    step "$major" "consumer test" node build-tools/consumer-test.js
    step "$major" "examples' synth (npx cdktf synth)" bash -c "$synth_examples" synth "npx cdktf synth"
  else
    echo "::: Node.js $major: no consumer test with the cdktf CLI: cdktf-cli 0.21 does not start on Node.js $major (docs/cdktn.md)"
    step "$major" "examples' synth ($app_command)" bash -c "$synth_examples" synth "$app_command"
  fi
  step "$major" "CDK Terrain recipe (docs/cdktn.md)" node build-tools/consumer-test-cdktn.js
  if [ "$major" -ge 24 ]; then
    step "$major" "cdktn edition (build-tools/cdktn-edition.js)" node build-tools/cdktn-edition.js
  fi
done

echo "node-versions summary:"
printf '  %s\n' "${summary[@]}"
# For .ci/run's `N passed, N failed` line: each step counts as one test.
mkdir -p test-reports
echo "$(( ${#summary[@]} - ${#failures[@]} )) ${#failures[@]}" > test-reports/node-versions.txt
if [ ${#failures[@]} -gt 0 ]; then
  echo "node-versions failed: ${failures[*]}"
  exit 1
fi
echo "node-versions passed: ${versions[*]}"
