-- The lifecycle of the vacataires: their file, titles, assignments, training, evaluations, recruitment,
-- and the change log that attributes and dates every change a person makes. Nothing here is written by a sync.

create table change_log (
    id            bigserial primary key,
    at            timestamptz not null,
    author        text   not null,
    entity        text   not null,            -- vacataire, assignment, title, training, evaluation, candidacy…
    entity_id     bigint not null,
    vacataire_id  bigint references vacataire (id),
    action        text   not null,            -- created, updated, status, derogation, deleted…
    summary       text   not null,            -- a French sentence, shown in the vacataire's timeline
    before        jsonb,
    after         jsonb,
    reason        text
);
create index change_log_vacataire on change_log (vacataire_id, at desc, id desc);
create index change_log_entity on change_log (entity, entity_id);

alter table vacataire
    add column phone               text,
    add column workload_cap_hours  int check (workload_cap_hours between 1 and 2000);

create table contract_period (
    id            bigserial primary key,
    vacataire_id  bigint not null references vacataire (id),
    starts_on     date   not null,
    ends_on       date   not null,
    reference     text,
    check (ends_on >= starts_on)
);
create index contract_period_vacataire on contract_period (vacataire_id);

create table availability (
    vacataire_id  bigint not null references vacataire (id),
    school_year   text   not null check (school_year ~ '^\d{4}-\d{4}$'),
    term          int    not null check (term between 1 and 3),
    hours         int    not null check (hours between 0 and 1000),
    primary key (vacataire_id, school_year, term)
);

-- Titles (titres requis) and what they cover. Levels and subjects are compared by their keys (no case, no accents).
create table title (
    id           bigserial primary key,
    code         text not null unique,
    name         text not null
);

create table title_coverage (
    title_id     bigint not null references title (id) on delete cascade,
    level        text   not null,
    level_key    text   not null,
    subject      text   not null,
    subject_key  text   not null,
    kind         text   not null check (kind in ('REQUIS', 'SUFFISANT', 'PENURIE')),
    primary key (title_id, level_key, subject_key)
);

-- The level and subject of the modules of a Moodle category, when they differ from the category names.
create table category_mapping (
    category_id  bigint primary key,
    level        text not null,
    subject      text not null,
    updated_by   text not null,
    updated_at   timestamptz not null
);

create table vacataire_title (
    vacataire_id  bigint not null references vacataire (id),
    title_id      bigint not null references title (id),
    obtained_on   date,
    reference     text,
    primary key (vacataire_id, title_id)
);

-- Training: sessions, registrations and what each role requires.
create table training_session (
    id                bigserial primary key,
    kind              text not null check (kind in ('INITIAL', 'CONTINUING')),
    topic             text not null check (topic in ('MOODLE', 'PEDAGOGY', 'TUTORING', 'OTHER')),
    title             text not null,
    starts_at         timestamptz not null,
    duration_minutes  int  not null check (duration_minutes between 15 and 2880),
    mode              text not null check (mode in ('ON_SITE', 'VIRTUAL')),
    location          text,
    capacity          int  not null check (capacity between 1 and 500)
);

create table training_registration (
    session_id     bigint not null references training_session (id),
    vacataire_id   bigint not null references vacataire (id),
    registered_at  timestamptz not null,
    attended       boolean,
    completed_at   timestamptz,
    primary key (session_id, vacataire_id)
);
create index training_registration_vacataire on training_registration (vacataire_id);

create table training_requirement (
    role   text not null check (role in ('AUTHOR', 'TUTOR')),
    kind   text not null check (kind in ('INITIAL', 'CONTINUING')),
    topic  text not null check (topic in ('MOODLE', 'PEDAGOGY', 'TUTORING', 'OTHER')),
    primary key (role, kind, topic)
);
insert into training_requirement (role, kind, topic) values
    ('AUTHOR', 'INITIAL', 'MOODLE'), ('AUTHOR', 'INITIAL', 'PEDAGOGY'),
    ('TUTOR', 'INITIAL', 'MOODLE'), ('TUTOR', 'INITIAL', 'TUTORING');

-- Assignments (affectations): who designs or tutors which module, when, for how many hours.
create table assignment (
    id                 bigserial primary key,
    vacataire_id       bigint not null references vacataire (id),
    module_id          bigint not null references module (id),
    role               text   not null check (role in ('AUTHOR', 'TUTOR')),
    starts_on          date   not null,
    ends_on            date   not null,
    hours              int    not null check (hours between 1 and 1000),
    coverage           text   not null check (coverage in ('REQUIS', 'SUFFISANT', 'PENURIE', 'DEROGATION')),
    derogation_reason  text,
    created_by         text   not null,
    created_at         timestamptz not null,
    check (ends_on >= starts_on),
    check ((coverage = 'DEROGATION') = (derogation_reason is not null))
);
create index assignment_vacataire on assignment (vacataire_id);
create index assignment_module on assignment (module_id);

-- A reconciliation line settled by hand: a Moodle role without assignment that is known and accepted.
create table reconciliation_ack (
    module_id     bigint not null references module (id),
    vacataire_id  bigint not null references vacataire (id),
    role          text   not null check (role in ('AUTHOR', 'TUTOR')),
    reason        text   not null,
    by_whom       text   not null,
    at            timestamptz not null,
    primary key (module_id, vacataire_id, role)
);

-- Evaluations on a configurable grid.
create table evaluation_criterion (
    id          bigserial primary key,
    label       text not null,
    weight      int  not null default 1 check (weight between 1 and 10),
    position    int  not null default 0,
    active      boolean not null default true
);
insert into evaluation_criterion (label, weight, position) values
    ('Qualité pédagogique des contenus et des activités', 3, 1),
    ('Réactivité et qualité des retours aux apprenants', 3, 2),
    ('Maîtrise technique de Moodle', 2, 3),
    ('Respect des normes et balises rédactionnelles de l''EAD', 2, 4),
    ('Collaboration avec la coordination', 1, 5);

create table evaluation (
    id                 bigserial primary key,
    vacataire_id       bigint not null references vacataire (id),
    evaluator          text   not null,
    evaluated_on       date   not null,
    comment            text,
    acknowledged_at    timestamptz,
    vacataire_comment  text,
    created_at         timestamptz not null
);
create index evaluation_vacataire on evaluation (vacataire_id, evaluated_on desc);

create table evaluation_score (
    evaluation_id  bigint not null references evaluation (id) on delete cascade,
    criterion_id   bigint not null references evaluation_criterion (id),
    score          int    not null check (score between 1 and 4),
    comment        text,
    primary key (evaluation_id, criterion_id)
);

-- Recruitment: campaigns with their needs, candidacies scored by several evaluators, a decision.
create table recruitment_criterion (
    id         bigserial primary key,
    label      text not null,
    weight     int  not null default 1 check (weight between 1 and 10),
    position   int  not null default 0,
    active     boolean not null default true
);
insert into recruitment_criterion (label, weight, position) values
    ('Titre requis et adéquation à la matière', 3, 1),
    ('Expérience d''enseignement', 2, 2),
    ('Compétences numériques (Moodle, outils en ligne)', 2, 3),
    ('Qualités rédactionnelles', 2, 4),
    ('Disponibilité', 1, 5);

create table campaign (
    id          bigserial primary key,
    name        text not null,
    opens_on    date not null,
    closes_on   date not null,
    created_by  text not null,
    created_at  timestamptz not null,
    check (closes_on >= opens_on)
);

create table campaign_need (
    id           bigserial primary key,
    campaign_id  bigint not null references campaign (id) on delete cascade,
    level        text not null,
    subject      text not null,
    role         text not null check (role in ('AUTHOR', 'TUTOR')),
    hours        int  not null check (hours between 1 and 10000)
);

create table candidacy (
    id               bigserial primary key,
    campaign_id      bigint not null references campaign (id),
    vacataire_id     bigint not null references vacataire (id),
    documents        jsonb  not null default '[]',
    decision         text check (decision in ('RETAINED', 'REJECTED')),
    decision_reason  text,
    decided_by       text,
    decided_at       timestamptz,
    created_at       timestamptz not null,
    unique (campaign_id, vacataire_id)
);

create table candidacy_score (
    candidacy_id   bigint not null references candidacy (id) on delete cascade,
    evaluator      text   not null,
    criterion_id   bigint not null references recruitment_criterion (id),
    score          int    not null check (score between 0 and 5),
    justification  text   not null,
    primary key (candidacy_id, evaluator, criterion_id)
);
