#!/usr/bin/env bash
# Runs the Shop sample. It starts (and stops) its own DynamoDB Local through
# eng/DynamoDbLocal/DynamoDbLocalServer.cs, or uses DYNAMODB_ENDPOINT when set.
# Extra arguments are passed to the sample.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${script_dir}/.."

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

exec dotnet run --project samples/Shop -c Release -- "$@"
