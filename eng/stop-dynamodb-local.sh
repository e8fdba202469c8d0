#!/usr/bin/env bash
# Stops the DynamoDB Local started by eng/start-dynamodb-local.sh (if any).
set -euo pipefail

log() { printf '[stop-dynamodb-local] %s\n' "$*" >&2; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
install_dir="$(cd "${script_dir}/.." && pwd)/.dynamodb-local"
pid_file="${install_dir}/dynamodb-local.pid"
url_file="${install_dir}/dynamodb-local.url"

if [ ! -f "${pid_file}" ]; then
  log "not running (no ${pid_file})"
  exit 0
fi

pid="$(cat "${pid_file}" 2>/dev/null || true)"

# Only signal the pid if it still is DynamoDB Local (pids get reused).
if [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null \
   && { [ ! -r "/proc/${pid}/cmdline" ] || tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -q 'DynamoDBLocal.jar'; }; then
  kill "${pid}" 2>/dev/null || true
  for _ in $(seq 1 40); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "${pid}" 2>/dev/null; then
    log "pid ${pid} did not stop after SIGTERM; sending SIGKILL"
    kill -9 "${pid}" 2>/dev/null || true
  fi
  log "stopped (pid ${pid})"
else
  log "not running (stale pid file)"
fi

rm -f "${pid_file}" "${url_file}"
