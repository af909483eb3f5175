-- Which module works which competency, how deeply, by whom and when (entered by people; never touched by a sync).
create table competency_mapping (
    module_id      bigint not null references module (id),
    competency_id  bigint not null references competency (id) on delete cascade,
    depth          text   not null check (depth in ('INTRODUCED', 'WORKED', 'MASTERED')),
    mapped_by      text   not null,
    mapped_at      timestamptz not null,
    primary key (module_id, competency_id)
);
create index competency_mapping_competency on competency_mapping (competency_id);
