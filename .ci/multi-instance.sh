#!/usr/bin/env bash
# Two portal instances behind nginx with Redis, on one machine (issue 14; docs/deployment.md walks through the same steps).
#
#   .ci/multi-instance.sh start DIR      installs nginx/redis-server when missing, starts everything, prints KEY=VALUE lines
#   .ci/multi-instance.sh instance DIR a (re)starts instance a or b alone (after a test killed it)
#   .ci/multi-instance.sh stop DIR       stops what `start` started (by the pids it wrote in DIR)
#
# DIR holds the shared SQLite database (WAL: two processes on one machine may share it; production uses SQL Server),
# the nginx and Redis configuration, the pids and the logs. Ports are free loopback ports chosen at start.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
cmd=${1:?start|instance|stop}
dir=${2:?state directory}
configuration=${CONFIGURATION:-Debug}
dll="$repo/bin/$configuration/net10.0/HcmcPortal.dll"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
install_missing() {
  local missing=()
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

wait_for() { # URL SECONDS PIDFILE
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if ! kill -0 "$(cat "$3")" 2>/dev/null; then echo "process of $3 exited; see its log" >&2; return 1; fi
    if [ $SECONDS -ge $deadline ]; then echo "timed out waiting for $1" >&2; return 1; fi
    sleep 0.2
  done
}

# What every instance and the migration step share: the database, Redis, the keys, the public address.
portal_env() {
  source "$dir/ports.env"
  export ASPNETCORE_ENVIRONMENT=Development
  export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$dir/portal.db"
  export Database__MigrateAtStart=false
  export Demo__Enabled=true Demo__Dossiers=${DEMO_DOSSIERS:-60}
  export ScaleOut__Redis="127.0.0.1:$REDIS_PORT" ScaleOut__KeysInDatabase=true
  export Portal__PublicBaseUrl="http://127.0.0.1:$NGINX_PORT"
  export ForwardedHeaders__KnownProxies__0=127.0.0.1
  export Email__Smtp__PickupFolder="$dir/mail"
  # The morning reminders at once, on any day: the test checks that two instances send them once.
  export Reminders__At=00:00 Reminders__OnDaysOff=true Reminders__CheckInterval=00:00:01
  export RateLimits__SignIn__PerClient=100000 RateLimits__SignIn__PerAccount=100000
  export RateLimits__Submission__PerClient=100000 RateLimits__Submission__PerAccount=100000
  export Serilog__MinimumLevel__Default=Information
}

start_instance() { # a|b
  local name=$1 port
  portal_env
  if [ "$name" = a ]; then port=$A_PORT; else port=$B_PORT; fi
  ScaleOut__InstanceName="$name" setsid dotnet "$dll" --urls "http://127.0.0.1:$port" >>"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  wait_for "http://127.0.0.1:$port/health" 300 "$dir/$name.pid"
}

case "$cmd" in
start)
  install_missing
  mkdir -p "$dir/nginx"
  cat >"$dir/ports.env" <<PORTS
REDIS_PORT=$(free_port)
A_PORT=$(free_port)
B_PORT=$(free_port)
NGINX_PORT=$(free_port)
PORTS
  source "$dir/ports.env"

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$dir/redis.log" 2>&1 &
  echo $! >"$dir/redis.pid"

  # Sticky sessions: a client keeps the instance its hcmc_lb cookie hashes to (set by nginx on the first answer), so a
  # Blazor circuit's negotiation and WebSocket land on one instance. A dead instance's clients move to the other.
  # As root, nginx's workers would otherwise drop to "nobody" and could not write their temp files in DIR.
  nginx_user=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
  cat >"$dir/nginx/nginx.conf" <<NGINX
$nginx_user
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 256; }
http {
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  client_max_body_size 60m;
  map \$cookie_hcmc_lb \$affinity { "" \$request_id; default \$cookie_hcmc_lb; }
  map \$cookie_hcmc_lb \$affinity_cookie { "" "hcmc_lb=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }
  map \$http_upgrade \$connection_upgrade { default upgrade; "" close; }
  upstream portal {
    hash \$affinity consistent;
    server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502;
      add_header Set-Cookie \$affinity_cookie;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
NGINX
  # The schema and the demo data, once, before the instances (they start with Database:MigrateAtStart=false).
  portal_env
  dotnet "$dll" migrate >"$dir/migrate.log" 2>&1
  start_instance a & started_a=$!
  start_instance b & started_b=$!
  wait $started_a
  wait $started_b
  /usr/sbin/nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -g 'daemon off;' >"$dir/nginx/stdout.log" 2>&1 &
  echo $! >"$dir/nginx.pid"
  wait_for "http://127.0.0.1:$NGINX_PORT/health" 20 "$dir/nginx.pid"
  # One affinity value per instance, so a test can send a user to the instance it chooses.
  for i in $(seq 1 40); do
    upstream=$(curl -s -o /dev/null -D - -H "Cookie: hcmc_lb=k$i" "http://127.0.0.1:$NGINX_PORT/health" | tr -d '\r' | sed -n 's/^X-Upstream: //Ip')
    if [ "$upstream" = "127.0.0.1:$A_PORT" ] && [ -z "${AFFINITY_A:-}" ]; then AFFINITY_A=k$i; fi
    if [ "$upstream" = "127.0.0.1:$B_PORT" ] && [ -z "${AFFINITY_B:-}" ]; then AFFINITY_B=k$i; fi
    [ -n "${AFFINITY_A:-}" ] && [ -n "${AFFINITY_B:-}" ] && break
  done
  echo "AFFINITY_A=$AFFINITY_A" >>"$dir/ports.env"
  echo "AFFINITY_B=$AFFINITY_B" >>"$dir/ports.env"
  cat "$dir/ports.env"
  ;;
instance)
  start_instance "${3:?a|b}"
  ;;
stop)
  for name in nginx a b redis; do
    if [ -f "$dir/$name.pid" ]; then
      kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
  ;;
*)
  echo "usage: $0 start|instance|stop DIR [a|b]" >&2
  exit 2
  ;;
esac
