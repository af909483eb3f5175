-- Evaluations planned, one open plan per vacataire: the day and who evaluates. Recording the evaluation closes it
-- (the row goes; the journal keeps when it was planned, by whom, for when).
create table evaluation_plan (
    vacataire_id  bigint primary key references vacataire (id),
    planned_on    date   not null,
    evaluator     text   not null,
    planned_by    text   not null,
    planned_at    timestamptz not null
);
