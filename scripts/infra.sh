#!/usr/bin/env bash
# Installs (from Debian packages, when absent) and starts local Redis and/or PostgreSQL for development
# and CI, and installs Chromium for the dashboard's browser tests. Arguments: "redis", "postgres",
# "chromium". Reads REDIS_URL / DATABASE_URL for ports and credentials.
set -euo pipefail

want_redis=false; want_pg=false; want_chromium=false
for arg in "$@"; do
  case "$arg" in redis) want_redis=true ;; postgres) want_pg=true ;; chromium) want_chromium=true ;; *) echo "unknown: $arg" >&2; exit 2 ;; esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "need root for: $*" >&2; return 1; fi; }
apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then as_root apt-get update -qq; apt_updated=true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if [ "$want_redis" = true ]; then
  command -v redis-server >/dev/null || apt_install redis-server
  port=$(node -e 'console.log(new URL(process.env.REDIS_URL||"redis://127.0.0.1:6379").port||6379)')
  redis-server --daemonize yes --port "$port" --bind 127.0.0.1 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$port" ping >/dev/null
  echo "redis: running on port $port"
fi

if [ "$want_pg" = true ]; then
  command -v pg_lsclusters >/dev/null || apt_install postgresql
  read -r version cluster status < <(pg_lsclusters -h | awk '{print $1, $2, $4; exit}')
  if [ -z "${version:-}" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -1); cluster=main
    as_root pg_createcluster "$version" "$cluster" >/dev/null
    status=down
  fi
  [ "$status" = online ] || as_root pg_ctlcluster "$version" "$cluster" start
  # Password login for the URL's user over TCP (the Debian cluster only trusts peer logins).
  user=$(node -e 'const u=new URL(process.env.DATABASE_URL);console.log(decodeURIComponent(u.username)||"postgres")')
  pass=$(node -e 'const u=new URL(process.env.DATABASE_URL);console.log(decodeURIComponent(u.password)||"postgres")')
  for _ in $(seq 1 50); do as_root su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 0.2; done
  as_root su postgres -c "psql -qAt -v ON_ERROR_STOP=1" <<SQL >/dev/null
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${user}') THEN CREATE ROLE "${user}" LOGIN SUPERUSER; END IF;
END \$\$;
ALTER ROLE "${user}" WITH LOGIN PASSWORD '${pass}';
SQL
  echo "postgresql $version/$cluster: running"
fi

if [ "$want_chromium" = true ]; then
  # Debian's Chromium, driven by playwright-core (playwright's own browser download is not reachable here).
  command -v chromium >/dev/null || apt_install chromium
  echo "chromium: $(chromium --version 2>/dev/null | head -1)"
fi
