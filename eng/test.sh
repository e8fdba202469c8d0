#!/usr/bin/env bash
# The test command (used by the README and by CI):
#   1. builds EFCore.DynamoDb.sln in Release with warnings as errors;
#   2. installs DynamoDB Local once (the functional tests start their own
#      server through eng/DynamoDbLocal/DynamoDbLocalServer.cs, or use
#      DYNAMODB_ENDPOINT when it is set);
#   3. runs the unit and functional test projects, each writing a .trx file
#      (the functional tests include EF Core's specification suite when its
#      assemblies are in ../shared/efcore-spec-tests or SPEC_TESTS_DIR);
#   4. prints, as its very last line, "N passed, N failed" (", N skipped" when
#      some were skipped), summed over the .trx files.
# Exits non-zero when the build fails, a test fails, a test run produces no
# .trx file (or exits non-zero for any other reason), or no test ran at all.
#
# Extra arguments go to every `dotnet test`, e.g.:
#   eng/test.sh --filter "FullyQualifiedName~Query"
# TEST_RESULTS_DIR=<dir> keeps the .trx files there (default: a new temp dir).
set -uo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
cd "${repo_root}" || exit 1

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the build (they would hold on to
# the output pipe of whoever runs this script).
export MSBUILDDISABLENODEREUSE=1

readonly test_projects=(
  "test/EFCore.DynamoDb.Tests"
  "test/EFCore.DynamoDb.FunctionalTests"
)

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. build -------------------------------------------------------------
# The functional test project compiles Specification/ only when the suite's
# assemblies are there (the same rule as in its .csproj).
spec_dir="${SPEC_TESTS_DIR:-${repo_root}/../shared/efcore-spec-tests}"
if [ -f "${spec_dir}/Microsoft.EntityFrameworkCore.Specification.Tests.dll" ]; then
  log "EF Core specification tests: included (${spec_dir})"
else
  log "EF Core specification tests: left out (no ${spec_dir}/Microsoft.EntityFrameworkCore.Specification.Tests.dll; see README)"
fi

log "building EFCore.DynamoDb.sln (Release, warnings as errors)"
if ! dotnet build EFCore.DynamoDb.sln -c Release -warnaserror -nodeReuse:false; then
  log "error: build failed"
  exit 1
fi

# --- 2. DynamoDB Local ----------------------------------------------------
if [ -n "${DYNAMODB_ENDPOINT:-}" ]; then
  log "using DYNAMODB_ENDPOINT=${DYNAMODB_ENDPOINT}"
else
  log "installing DynamoDB Local"
  if ! bash "${script_dir}/install-dynamodb-local.sh" >/dev/null; then
    log "error: eng/install-dynamodb-local.sh failed"
    exit 1
  fi
fi

# --- 3. tests ---------------------------------------------------------------
results_dir="${TEST_RESULTS_DIR:-}"
if [ -z "${results_dir}" ]; then
  results_dir="$(mktemp -d "${TMPDIR:-/tmp}/efcore-dynamodb-tests.XXXXXX")"
fi
mkdir -p "${results_dir}"
log "test results: ${results_dir}"

problems=()
for project in "${test_projects[@]}"; do
  name="$(basename "${project}")"
  project_results="${results_dir}/${name}"
  rm -rf "${project_results}"
  mkdir -p "${project_results}"

  log "testing ${project}"
  dotnet test "${project}" --no-build -c Release \
    --logger "trx;LogFileName=${name}.trx" \
    --results-directory "${project_results}" \
    "$@"
  code=$?

  if ! compgen -G "${project_results}/*.trx" >/dev/null; then
    problems+=("${project}: no .trx file was produced (dotnet test exited with code ${code})")
  elif [ "${code}" -ne 0 ]; then
    problems+=("${project}: dotnet test exited with code ${code}")
  fi
done

# --- 4. summary ------------------------------------------------------------
# Reads one attribute out of a <Counters .../> element (0 when absent).
counter() {
  local element="$1" attribute="$2" value
  value="$(printf '%s\n' "${element}" | sed -n "s/.*[[:space:]]${attribute}=\"\([0-9]*\)\".*/\1/p")"
  printf '%s' "${value:-0}"
}

passed=0
failed=0
skipped=0
while IFS= read -r -d '' trx; do
  element="$(tr -d '\r\n' <"${trx}" | grep -o '<Counters[[:space:]][^>]*>' | head -n 1)"
  if [ -z "${element}" ]; then
    problems+=("${trx}: no <Counters> element")
    continue
  fi
  passed=$(( passed + $(counter "${element}" passed) ))
  failed=$(( failed + $(counter "${element}" failed) + $(counter "${element}" error) \
                    + $(counter "${element}" timeout) + $(counter "${element}" aborted) ))
  # Skipped tests are counted in total but not in executed (notExecuted stays 0).
  not_run=$(( $(counter "${element}" total) - $(counter "${element}" executed) ))
  not_executed=$(counter "${element}" notExecuted)
  skipped=$(( skipped + (not_run > not_executed ? not_run : not_executed) ))
done < <(for project in "${test_projects[@]}"; do
           find "${results_dir}/$(basename "${project}")" -name '*.trx' -type f -print0
         done)

if [ "$(( passed + failed ))" -eq 0 ]; then
  problems+=("no test was executed")
fi

for problem in "${problems[@]}"; do
  log "error: ${problem}"
done

summary="${passed} passed, ${failed} failed"
if [ "${skipped}" -gt 0 ]; then
  summary="${summary}, ${skipped} skipped"
fi
printf '%s\n' "${summary}"

if [ "${failed}" -gt 0 ] || [ "${#problems[@]}" -gt 0 ]; then
  exit 1
fi
exit 0
