-- Référentiels (competency frameworks), versioned: importing a framework again keeps the previous version.
-- The columns of Moodle's tool_lpimportcsv format are kept as read, so that an export gives the file back.

create table referential (
    id           bigserial primary key,
    idnumber     text not null,                 -- the framework's ID number
    shortname    text not null,
    description  text,
    description_format int not null default 1,
    scale_values text,
    scale_configuration text,
    taxonomy     text,
    version      int  not null,
    imported_by  text not null,
    imported_at  timestamptz not null,
    unique (idnumber, version)
);

create table competency (
    id                   bigserial primary key,
    referential_id       bigint not null references referential (id) on delete cascade,
    idnumber             text   not null,
    parent_id            bigint references competency (id),
    shortname            text   not null,
    description          text,
    description_format   int    not null default 1,
    depth                int    not null,       -- 1 for the top level
    position             int    not null,       -- order of the file, for a faithful export
    scale_values         text,
    scale_configuration  text,
    rule_type            text,
    rule_outcome         text,
    rule_config          text,
    related              text,                  -- cross-referenced ID numbers, comma-separated as in the file
    unique (referential_id, idnumber)
);
create index competency_parent on competency (parent_id);
