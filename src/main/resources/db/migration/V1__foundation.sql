-- Foundation: the mirror of the Moodle catalogue, the vacataires, sync runs and accounts.
-- Columns prefixed moodle_ are owned by the sync; the others are entered by people and never touched by a sync.

create table moodle_category (
    id          bigint primary key,          -- Moodle category id
    name        text    not null,
    parent_id   bigint  not null,
    path        text    not null,            -- Moodle path, e.g. /2/10/11
    depth       int     not null,
    sortorder   int     not null,
    visible     boolean not null,
    synced_at   timestamptz not null
);

create table module (
    id                  bigserial primary key,
    moodle_course_id    bigint  not null unique,
    shortname           text    not null,
    fullname            text    not null,
    idnumber            text,
    category_id         bigint  not null,
    visible             boolean not null,
    moodle_timemodified timestamptz,
    learner_count       int     not null default 0,
    archived_at         timestamptz,          -- set when the course vanished from a complete Moodle listing
    content_changed_at  timestamptz not null, -- last time a sync saw its name, category, visibility or content change
    search_key          text    not null,     -- lower case, accents removed: "zoe" finds "Zoë"
    sort_key            text    not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index module_sort_key on module (sort_key);
create index module_category on module (category_id);

create table vacataire (
    id                bigserial primary key,
    moodle_user_id    bigint unique,
    moodle_username   text,
    moodle_firstname  text,
    moodle_lastname   text,
    moodle_email      text,
    moodle_idnumber   text,
    moodle_synced_at  timestamptz,
    -- entered by a coordinator; when present they win over the Moodle values
    firstname         text,
    lastname          text,
    email             text,
    idnumber          text,
    status            text not null default 'ACTIF'
        check (status in ('CANDIDAT', 'RETENU', 'ACTIF', 'SUSPENDU', 'SORTI', 'NON_RETENU')),
    search_key        text not null,
    sort_key          text not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index vacataire_sort_key on vacataire (sort_key);
create index vacataire_idnumber on vacataire (lower(coalesce(idnumber, moodle_idnumber)));
create index vacataire_email on vacataire (lower(coalesce(email, moodle_email)));

-- Role links found in Moodle: who holds an author or tutor role in which module.
create table module_role (
    module_id     bigint not null references module (id),
    vacataire_id  bigint not null references vacataire (id),
    role          text   not null check (role in ('AUTHOR', 'TUTOR')),
    moodle_roles  text   not null,          -- the Moodle role shortnames behind it, comma-separated
    synced_at     timestamptz not null,
    primary key (module_id, vacataire_id, role)
);
create index module_role_vacataire on module_role (vacataire_id);

create table sync_run (
    id            bigserial primary key,
    mode          text not null check (mode in ('FULL', 'INCREMENTAL')),
    status        text not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    started_at    timestamptz not null,
    finished_at   timestamptz,
    moodle_calls  int   not null default 0,
    counts        jsonb not null default '{}',
    warnings      jsonb not null default '[]',
    error         text,
    triggered_by  text  not null
);
create index sync_run_started on sync_run (started_at desc);

create table account (
    id             bigserial primary key,
    username       text not null unique,
    password_hash  text not null,
    role           text not null check (role in ('COORDINATOR', 'REVIEWER', 'VACATAIRE')),
    display_name   text not null,
    vacataire_id   bigint references vacataire (id),
    enabled        boolean not null default true,
    created_at     timestamptz not null
);

create table api_token (
    id          bigserial primary key,
    token_hash  text   not null unique,        -- SHA-256 of the bearer token; the token itself is never stored
    account_id  bigint not null references account (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
