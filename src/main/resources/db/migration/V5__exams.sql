-- Jury and external certification exams (CEB, CE1D, CE2D, CESS…), their parts (épreuves) with a weight, each part
-- tied to the competencies it assesses.
create table exam (
    id     bigserial primary key,
    code   text not null unique,
    name   text not null,
    level  text
);

create table exam_part (
    id        bigserial primary key,
    exam_id   bigint not null references exam (id) on delete cascade,
    name      text   not null,
    weight    int    not null check (weight between 1 and 1000),
    position  int    not null
);

create table exam_part_competency (
    part_id        bigint not null references exam_part (id) on delete cascade,
    competency_id  bigint not null references competency (id) on delete cascade,
    primary key (part_id, competency_id)
);
