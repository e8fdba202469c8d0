#!/usr/bin/env bash
# Runs the Shop sample. It starts (and stops) its own DynamoDB Local through
# eng/DynamoDbLocal/DynamoDbLocalServer.cs, or uses DYNAMODB_ENDPOINT when set.
# Extra arguments are passed to the sample.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "${script_dir}/.."

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1

# Install DynamoDB Local here, where its progress shows, rather than silently inside the sample.
if [ -z "${DYNAMODB_ENDPOINT:-}" ]; then
  bash eng/install-dynamodb-local.sh >/dev/null
fi

exec dotnet run --project samples/Shop -c Release -- "$@"
