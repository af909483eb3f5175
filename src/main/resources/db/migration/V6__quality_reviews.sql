-- Quality reviews: versioned rubrics (criteria in sections, a scale or pass/fail, a weight, a pass threshold),
-- reviews of a module against a rubric version with guarded and dated transitions, per-criterion findings per round,
-- the authors' answers, and campaigns.

create table rubric (
    id              bigserial primary key,
    code            text not null,                 -- stable across versions
    name            text not null,
    version         int  not null,
    pass_threshold  int  not null check (pass_threshold between 0 and 100),  -- % of the weighted score
    created_by      text not null,
    created_at      timestamptz not null,
    unique (code, version)
);

create table rubric_criterion (
    id         bigserial primary key,
    rubric_id  bigint not null references rubric (id) on delete cascade,
    section    text   not null,
    label      text   not null,
    kind       text   not null check (kind in ('SCALE', 'PASS_FAIL')),
    scale_max  int    check (scale_max between 2 and 10),   -- SCALE: scores 1..scale_max
    weight     int    not null check (weight between 1 and 100),
    position   int    not null,
    check ((kind = 'SCALE') = (scale_max is not null))
);

create table review_campaign (
    id          bigserial primary key,
    name        text not null,
    due_on      date,
    created_by  text not null,
    created_at  timestamptz not null
);

create table review (
    id           bigserial primary key,
    module_id    bigint not null references module (id),
    rubric_id    bigint not null references rubric (id),
    reviewer     text   not null,                 -- the reviewer's account username
    state        text   not null check (state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED')),
    round        int    not null default 1,
    deadline     date,                            -- for the changes requested
    score        int,                             -- weighted %, set at the decision
    campaign_id  bigint references review_campaign (id) on delete set null,
    planned_by   text   not null,
    planned_at   timestamptz not null,
    decided_at   timestamptz
);
create index review_module on review (module_id);
create index review_reviewer on review (reviewer) where state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED');
-- One open review per module at a time.
create unique index review_one_open on review (module_id) where state in ('PLANNED', 'IN_REVIEW', 'CHANGES_REQUESTED');

create table review_event (
    id          bigserial primary key,
    review_id   bigint not null references review (id) on delete cascade,
    from_state  text,
    to_state    text   not null,
    actor       text   not null,
    at          timestamptz not null,
    note        text
);
create index review_event_review on review_event (review_id);

create table review_finding (
    id            bigserial primary key,
    review_id     bigint not null references review (id) on delete cascade,
    criterion_id  bigint not null references rubric_criterion (id),
    round         int    not null,
    score         int,                 -- SCALE
    passed        boolean,             -- PASS_FAIL
    comment       text,
    recorded_by   text   not null,
    recorded_at   timestamptz not null,
    unique (review_id, criterion_id, round)
);

create table finding_answer (
    id            bigserial primary key,
    finding_id    bigint not null references review_finding (id) on delete cascade,
    vacataire_id  bigint not null references vacataire (id),
    text          text   not null,
    answered_at   timestamptz not null
);

-- The default rubric of the EAD: the norms and writing guidelines, the alignment, the law.
insert into rubric (code, name, version, pass_threshold, created_by, created_at)
values ('EAD-QUALITE', 'Grille qualité des modules EAD', 1, 70, 'migration', now());
insert into rubric_criterion (rubric_id, section, label, kind, scale_max, weight, position)
select r.id, c.section, c.label, c.kind, c.scale_max, c.weight, c.position
from rubric r, (values
    ('Normes et balises rédactionnelles', 'Les balises rédactionnelles de l''EAD sont appliquées (objectifs, consignes, synthèses)', 'SCALE', 4, 3, 1),
    ('Normes et balises rédactionnelles', 'La langue est correcte, claire et adaptée au public adulte à distance', 'SCALE', 4, 2, 2),
    ('Normes et balises rédactionnelles', 'Le calibrage du module est respecté (durée, nombre et charge des séquences)', 'SCALE', 4, 2, 3),
    ('Normes et balises rédactionnelles', 'Les activités donnent lieu à un retour du tuteur dans les délais annoncés', 'SCALE', 4, 2, 4),
    ('Alignement', 'Les objectifs annoncés correspondent aux compétences du référentiel', 'SCALE', 4, 3, 5),
    ('Alignement', 'Les évaluations préparent aux épreuves externes visées (forme et exigences)', 'SCALE', 4, 3, 6),
    ('Conformité légale', 'Les droits d''auteur des textes, images et vidéos sont acquis ou les sources sont libres', 'PASS_FAIL', null, 2, 7),
    ('Conformité légale', 'Le droit à l''image des personnes reconnaissables est respecté', 'PASS_FAIL', null, 1, 8),
    ('Conformité légale', 'Aucune donnée personnelle d''apprenant n''est exposée (RGPD)', 'PASS_FAIL', null, 1, 9)
) as c(section, label, kind, scale_max, weight, position)
where r.code = 'EAD-QUALITE' and r.version = 1;
