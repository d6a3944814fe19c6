-- Schema of portcullis serve. Flyway applies it to an empty PostgreSQL database.

create table project (
    id          bigserial primary key,
    name        text not null unique,
    created_at  timestamptz not null default now()
);

create table image (
    id          bigserial primary key,
    project_id  bigint not null references project (id),
    name        text not null,
    digest      text,
    tags        text[] not null default '{}',
    created_at  timestamptz not null default now(),
    unique (project_id, name)
);

create table scan (
    id            bigserial primary key,
    image_id      bigint not null references image (id),
    digest        text,
    scanned_at    timestamptz not null,
    received_at   timestamptz not null default now(),
    tool_version  text,
    db_built_at   timestamptz,
    inventory     jsonb not null
);
create index scan_image on scan (image_id, id desc);

create table scan_package (
    scan_id  bigint not null references scan (id) on delete cascade,
    type     text not null,
    name     text not null,
    version  text not null
);
create index scan_package_name on scan_package (type, name);
create index scan_package_scan on scan_package (scan_id);

create table finding (
    id               bigserial primary key,
    scan_id          bigint not null references scan (id) on delete cascade,
    vuln_id          text not null,
    package_type     text not null,
    package_name     text not null,
    package_version  text not null,
    verdict          text not null,
    risk             text not null,
    kev              boolean not null default false,
    fixed_version    text,
    summary          text,
    evidence         jsonb not null default '[]'
);
create index finding_scan on finding (scan_id, id);
create index finding_vuln on finding (vuln_id);

create table decision (
    id            bigserial primary key,
    image_id      bigint not null references image (id),
    vuln_id       text not null,
    package_name  text not null,
    verdict       text not null,
    reason        text not null,
    author        text not null,
    expires_at    timestamptz,
    created_at    timestamptz not null default now(),
    revoked_at    timestamptz
);
create index decision_image on decision (image_id, vuln_id, package_name);

create table audit_log (
    id       bigserial primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    action   text not null,
    subject  text not null,
    details  jsonb not null default '{}'
);

create table api_key (
    id          bigserial primary key,
    name        text not null,
    key_id      text not null unique,
    key_hash    text not null,
    scope       text not null check (scope in ('read', 'write', 'admin')),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz,
    revoked_at  timestamptz
);

create table channel (
    id       bigserial primary key,
    name     text not null unique,
    kind     text not null check (kind in ('webhook', 'slack', 'email', 'sentry')),
    config   jsonb not null
);

create table alert_rule (
    id          bigserial primary key,
    name        text not null unique,
    condition   jsonb not null,
    action      text not null,
    channel_ids bigint[] not null default '{}'
);

create table alert_event (
    id          bigserial primary key,
    rule_id     bigint not null references alert_rule (id),
    image_id    bigint not null references image (id),
    dedup_key   text not null unique,
    payload     jsonb not null,
    created_at  timestamptz not null default now()
);

create table delivery (
    id          bigserial primary key,
    event_id    bigint not null references alert_event (id),
    channel_id  bigint not null references channel (id),
    attempts    int not null default 0,
    status      text not null,
    last_error  text,
    updated_at  timestamptz not null default now(),
    unique (event_id, channel_id)
);

create table package_match (
    package_key  text primary key,
    fingerprint  text not null
);

create table analysis_run (
    id            bigserial primary key,
    reason        text not null,
    started_at    timestamptz not null default now(),
    finished_at   timestamptz,
    changed_packages int,
    reanalyzed_scans int
);

create table analysis_change (
    id          bigserial primary key,
    run_id      bigint not null references analysis_run (id),
    image_id    bigint not null references image (id),
    scan_id     bigint not null references scan (id),
    kind        text not null check (kind in ('NEW', 'RESOLVED', 'VERDICT_CHANGED')),
    vuln_id     text not null,
    package_name text not null,
    old_verdict text,
    new_verdict text,
    risk        text
);

-- Table of db-scheduler 16, as its documentation gives it for PostgreSQL.
create table scheduled_tasks (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamptz not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  int,
    last_heartbeat        timestamptz,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

create table web_session (
    id_hash     text primary key,
    api_key_id  bigint not null references api_key (id),
    expires_at  timestamptz not null
);
