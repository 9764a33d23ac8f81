#!/usr/bin/env bash
# Sourced by .ci/run: makes sure PostgreSQL and Chromium are installed, starts a PostgreSQL
# cluster on loopback with a known test user and exports PRIVACY_TEST_POSTGRES. Idempotent and
# quick when everything is already there. Without root, it says so and the tests that need
# these services report that they skipped.

privacy_ci_services() {
    local need=()
    command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
    [ -x /usr/bin/chromium ] || need+=(chromium)
    if [ ${#need[@]} -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ]; then
            echo "ci: installing ${need[*]}"
            apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
                || echo "ci: could not install ${need[*]}; the tests that need them will say they skipped"
        else
            echo "ci: ${need[*]} missing and not root; the tests that need them will say they skipped"
        fi
    fi

    command -v pg_ctlcluster >/dev/null 2>&1 || return 0
    [ "$(id -u)" -eq 0 ] || return 0

    local version name port status
    if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
        version=$(ls /usr/lib/postgresql | sort -V | tail -1)
        pg_createcluster "$version" main >/dev/null
    fi
    read -r version name port status _ < <(pg_lsclusters -h | head -1)
    if [ "$status" != "online" ]; then
        pg_ctlcluster "$version" "$name" start || { echo "ci: PostgreSQL did not start"; return 0; }
    fi

    if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'privacy_test'\"" | grep -q 1; then
        su postgres -c "psql -p $port -qc \"CREATE ROLE privacy_test LOGIN CREATEDB PASSWORD 'privacy_test'\"" >/dev/null
    fi

    export PRIVACY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=privacy_test;Password=privacy_test;Database=postgres"
    echo "ci: PostgreSQL $version/$name on 127.0.0.1:$port"
}
