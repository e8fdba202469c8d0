#!/usr/bin/env bash
# Regenerates or tallies the overrides of EF Core's specification tests
# (test/EFCore.DynamoDb.FunctionalTests/Specification/**/*.Overrides.cs).
#
#   eng/spec-overrides.sh generate [--trx FILE]   run the unmodified suite, then rewrite every *.Overrides.cs:
#                                                  each failing case asserts its failure (translation failure,
#                                                  SyncNotSupported, or the exception type and message); wrong
#                                                  results are refused and listed (they are defects to fix)
#   eng/spec-overrides.sh tally [--trx FILE]      run the unmodified suite, then print per test class how many
#                                                  async cases pass with no override, the totals and the wrong results
#
# "Unmodified" means built with -p:SpecOverrides=false, which leaves the overrides out. --trx reuses the results
# of an earlier unmodified run instead (the test assembly must still be that build). The assemblies come from
# ../shared/efcore-spec-tests or SPEC_TESTS_DIR, as for the build. Uses DynamoDB Local like eng/test.sh.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
project="${repo_root}/test/EFCore.DynamoDb.FunctionalTests"
assembly="${project}/bin/Release/net10.0/EFCore.DynamoDb.FunctionalTests.dll"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

mode="${1:-}"
if [ "${mode}" != "generate" ] && [ "${mode}" != "tally" ]; then
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
shift
trx=""
if [ "${1:-}" = "--trx" ]; then
  trx="$2"
fi

log() { printf '[spec-overrides] %s\n' "$*" >&2; }

if [ -z "${trx}" ]; then
  log "building the unmodified suite (-p:SpecOverrides=false)"
  dotnet build "${project}" -c Release -p:SpecOverrides=false -nodeReuse:false -v quiet -nologo >&2
  results="$(mktemp -d "${TMPDIR:-/tmp}/spec-overrides.XXXXXX")"
  log "running the specification tests (results in ${results})"
  # Failing tests are the point of this run: its exit code is not.
  dotnet test "${project}" --no-build -c Release --filter "FullyQualifiedName~.Specification." \
    --logger "trx;LogFileName=spec.trx" --results-directory "${results}" >"${results}/dotnet-test.log" 2>&1 || true
  trx="${results}/spec.trx"
  [ -f "${trx}" ] || { log "error: no .trx was written; see ${results}/dotnet-test.log"; exit 1; }
fi

dotnet build "${script_dir}/SpecOverrides" -c Release -nodeReuse:false -v quiet -nologo >&2
tool="${script_dir}/SpecOverrides/bin/Release/net10.0/SpecOverrides.dll"
if [ "${mode}" = "generate" ]; then
  dotnet "${tool}" generate "${trx}" "${assembly}" "${project}"
  log "rebuilding with the new overrides"
  dotnet build "${project}" -c Release -nodeReuse:false -v quiet -nologo >&2
else
  dotnet "${tool}" tally "${trx}" "${assembly}"
fi
