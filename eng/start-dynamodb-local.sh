#!/usr/bin/env bash
# Starts one shared, in-memory DynamoDB Local on a free loopback port, in the
# background, for people who want a server to point tools or DYNAMODB_ENDPOINT
# at. (The functional tests and the sample start their own server through
# eng/DynamoDbLocal/DynamoDbLocalServer.cs; they do not need this.)
#
# stdout: the last line is the endpoint, e.g. http://127.0.0.1:54321
# Files:  .dynamodb-local/dynamodb-local.pid  (pid of the java process)
#         .dynamodb-local/dynamodb-local.url  (the endpoint)
#         .dynamodb-local/dynamodb-local.log  (its output)
# If a server started by this script is still running, prints its endpoint.
# Stop it with eng/stop-dynamodb-local.sh.
#
#   export DYNAMODB_ENDPOINT="$(eng/start-dynamodb-local.sh)"
set -euo pipefail

log() { printf '[start-dynamodb-local] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
install_dir="${repo_root}/.dynamodb-local"
pid_file="${install_dir}/dynamodb-local.pid"
url_file="${install_dir}/dynamodb-local.url"
log_file="${install_dir}/dynamodb-local.log"
readonly start_timeout_seconds=60

# True when $1 is the pid of a running DynamoDB Local.
is_dynamodb_local() {
  local pid="$1"
  [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null || return 1
  [ -r "/proc/${pid}/cmdline" ] || return 0
  tr '\0' ' ' <"/proc/${pid}/cmdline" | grep -q 'DynamoDBLocal.jar'
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when the server on 127.0.0.1:$1 answers an HTTP request (any status).
answers_http() {
  local port="$1" status_line
  # shellcheck disable=SC2016 # $1 is expanded by the inner shell.
  status_line="$(
    timeout 5 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3
      head -n 1 <&3
    ' _ "${port}" 2>/dev/null
  )" || return 1
  [[ "${status_line}" == HTTP/* ]]
}

jar_dir="$(bash "${script_dir}/install-dynamodb-local.sh" | tail -n 1)"
[ -f "${jar_dir}/DynamoDBLocal.jar" ] || die "install script did not report a folder holding DynamoDBLocal.jar"

if [ -f "${pid_file}" ]; then
  old_pid="$(cat "${pid_file}" 2>/dev/null || true)"
  if is_dynamodb_local "${old_pid}" && [ -f "${url_file}" ]; then
    log "already running (pid ${old_pid})"
    cat "${url_file}"
    exit 0
  fi
  rm -f "${pid_file}" "${url_file}"
fi

for attempt in 1 2 3 4 5; do
  port=$(( 20000 + RANDOM % 40000 ))
  if port_in_use "${port}"; then
    continue
  fi

  log "starting DynamoDB Local on 127.0.0.1:${port} (log: ${log_file})"
  # Detached from our stdout/stderr so that $(...) callers are not kept waiting; run in the ignored install
  # folder, where DynamoDB Local keeps its metadata file, with its telemetry off.
  (cd "${install_dir}" && exec nohup java "-Djava.library.path=${jar_dir}/DynamoDBLocal_lib" \
    -jar "${jar_dir}/DynamoDBLocal.jar" -inMemory -sharedDb -disableTelemetry -port "${port}" \
    </dev/null >"${log_file}" 2>&1) &
  pid=$!

  deadline=$(( SECONDS + start_timeout_seconds ))
  while :; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      wait "${pid}" 2>/dev/null && code=0 || code=$?
      log "DynamoDB Local exited with code ${code} (attempt ${attempt}); its output:"
      tail -n 20 "${log_file}" >&2 || true
      break
    fi
    if answers_http "${port}"; then
      printf '%s\n' "${pid}" >"${pid_file}"
      printf 'http://127.0.0.1:%s\n' "${port}" >"${url_file}"
      log "ready (pid ${pid})"
      printf 'http://127.0.0.1:%s\n' "${port}"
      exit 0
    fi
    if [ "${SECONDS}" -ge "${deadline}" ]; then
      kill "${pid}" 2>/dev/null || true
      log "its output:"
      tail -n 20 "${log_file}" >&2 || true
      die "DynamoDB Local did not answer on 127.0.0.1:${port} within ${start_timeout_seconds} s"
    fi
    sleep 0.25
  done
done

die "could not start DynamoDB Local (see ${log_file})"
