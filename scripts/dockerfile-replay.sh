#!/usr/bin/env bash
# Replays the Dockerfile without a Docker engine (there is none on the CI machine), so that a broken Dockerfile
# fails CI: every stage gets a folder of its own under a temporary root; COPY copies from the build context (or,
# with --from, from an earlier stage's folder); RUN runs in the stage's WORKDIR with absolute paths moved under
# the stage's folder; .dockerignore's "**/name/" and root patterns are honoured. The final stage's RUN lines
# (users and permissions of the image) are not replayed; instead
# the published app there is started on SQLite and must answer /health/ready.
#   scripts/dockerfile-replay.sh [Dockerfile]
set -euo pipefail
dockerfile=$(realpath "${1:-Dockerfile}")
context=$(dirname "$dockerfile")
root=$(mktemp -d)
app_pid=
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$root" || true
}
trap cleanup EXIT

# The instructions, continuation lines joined and comments dropped.
mapfile -t instructions < <(sed -e 's/\r$//' "$dockerfile" | awk '
  /^[[:space:]]*#/ { next }
  { line = line $0 }
  /\\$/ { sub(/\\$/, " ", line); next }
  { if (line ~ /[^[:space:]]/) print line; line = "" }')
stages=$(printf '%s\n' "${instructions[@]}" | grep -ci '^FROM ')

# .dockerignore, as Docker applies it to the build context: "**/name/" anywhere, "path/" from the context's root.
ignored=()
if [ -f "$context/.dockerignore" ]; then
  mapfile -t ignored < <(sed -e 's/\r$//' -e 's/[[:space:]]*$//' -e '/^#/d' -e '/^$/d' -e 's#/$##' "$context/.dockerignore")
fi
prune() { # prune SOURCE TARGET: drop from a copied directory what .dockerignore keeps out of the context
  local source=${1%/} target=$2 pattern
  for pattern in "${ignored[@]}"; do
    if [[ $pattern == '**/'* ]]; then
      find "$target" -depth -name "${pattern#\*\*/}" -exec rm -rf {} + 2>/dev/null || true
    elif [ "$source" = . ]; then
      rm -rf "${target:?}/$pattern"
    fi
  done
}

under() { # under STAGE PATH: PATH (absolute, or relative to the stage's WORKDIR) inside the stage's folder
  local path=$2
  [[ $path = /* ]] || path="$workdir/$path"
  echo "$root/$1$path"
}

stage= stage_number=0 workdir=/ entrypoint=
for instruction in "${instructions[@]}"; do
  read -r keyword rest <<<"$instruction"
  case "${keyword^^}" in
    FROM)
      stage_number=$((stage_number + 1))
      stage=$(sed -nE 's/.* [Aa][Ss] +([^ ]+).*/\1/p' <<<"$rest")
      stage=${stage:-stage$stage_number}
      workdir=/
      mkdir -p "$root/$stage"
      echo "dockerfile: stage $stage ($rest)" ;;
    WORKDIR)
      [[ $rest = /* ]] && workdir=$rest || workdir="$workdir/$rest"
      mkdir -p "$(under "$stage" "$workdir")" ;;
    COPY)
      read -ra words <<<"$rest"
      from=
      if [[ ${words[0]} == --from=* ]]; then from=${words[0]#--from=}; words=("${words[@]:1}"); fi
      [[ ${words[0]} != --* ]] || { echo "dockerfile: COPY option ${words[0]} is not replayed" >&2; exit 1; }
      target=$(under "$stage" "${words[-1]}")
      sources=("${words[@]:0:${#words[@]}-1}")
      if [ ${#sources[@]} -gt 1 ] || [[ ${words[-1]} = */ ]] || [[ ${words[-1]} = . ]]; then mkdir -p "$target"; fi
      for source in "${sources[@]}"; do
        if [ -n "$from" ]; then path="$root/$from$source"; else path="$context/$source"; fi
        [ -e "$path" ] || { echo "dockerfile: COPY ${from:+--from=$from }$source: not found" >&2; exit 1; }
        if [ -d "$path" ]; then
          # Pruned on the way, not in place: what earlier steps made in the target (a restore's obj/) stays.
          staging=$(mktemp -d "$root/copy.XXXXXX")
          cp -a "$path/." "$staging/"
          prune "$source" "$staging"
          mkdir -p "$target"
          cp -a "$staging/." "$target/"
          rm -rf "$staging"
        else
          cp -a "$path" "$target"
        fi
      done ;;
    RUN)
      if [ "$stage_number" -lt "$stages" ]; then
        # Absolute paths of the image become paths under the stage's folder.
        command=$(sed -E "s#(^|[[:space:]=])/#\1$root/$stage/#g" <<<"$rest")
        echo "dockerfile: RUN $rest"
        (cd "$(under "$stage" "$workdir")" && bash -euo pipefail -c "$command") || { echo "dockerfile: RUN failed: $rest" >&2; exit 1; }
      fi ;;
    ENTRYPOINT)
      entrypoint=$rest ;;
  esac
done

# The final stage: its entry point's assembly must be there, and the app must start and be ready.
assembly=$(grep -oE '"[^"]+\.dll"' <<<"$entrypoint" | tr -d '"' | head -n 1)
[ -n "$assembly" ] || { echo "dockerfile: no ENTRYPOINT with a .dll" >&2; exit 1; }
folder=$(under "$stage" "$workdir")
[ -f "$folder/$assembly" ] || { echo "dockerfile: $assembly is not in the final stage's $workdir" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 58080)
(cd "$folder" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__SalesSpec="Data Source=$root/app.db" Logs__Directory="$root/logs" \
  exec dotnet "$assembly" >"$root/app.log" 2>&1) &
app_pid=$!
for _ in $(seq 1 60); do
  kill -0 "$app_pid" 2>/dev/null || break
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    echo "dockerfile: the image's app starts and answers /health/ready"
    exit 0
  fi
  sleep 1
done
echo "dockerfile: the image's app did not become ready; its log:" >&2
tail -n 30 "$root/app.log" >&2
exit 1
