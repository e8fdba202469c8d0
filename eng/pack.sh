#!/usr/bin/env bash
# Packs the provider: EFCore.DynamoDb.<version>.nupkg and its symbols package (.snupkg) into
# artifacts/packages/ (ignored), with warnings as errors and a deterministic, CI-mode build. The version comes
# from Directory.Build.props (VersionPrefix/VersionSuffix); pass -p:VersionSuffix=preview.2 (or an empty
# -p:VersionSuffix= for a release) to override it. Extra arguments go to `dotnet pack`.
#
# stdout: the paths of the two packages.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
cd "${repo_root}"

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export MSBUILDDISABLENODEREUSE=1

output="${repo_root}/artifacts/packages"
rm -rf "${output}"
mkdir -p "${output}"

dotnet pack src/EFCore.DynamoDb/EFCore.DynamoDb.csproj -c Release -o "${output}" \
  -warnaserror -nodeReuse:false -p:ContinuousIntegrationBuild=true "$@" >&2

ls "${output}"/*.nupkg "${output}"/*.snupkg
