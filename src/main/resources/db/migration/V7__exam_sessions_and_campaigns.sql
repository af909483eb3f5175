-- Issue 6: the exam sessions (an approaching session makes the modules concerned by the exam a review risk), and
-- what a review campaign was chosen with.

create table exam_session (
    exam_id    bigint not null references exam (id) on delete cascade,
    starts_on  date   not null,
    primary key (exam_id, starts_on)
);

alter table review_campaign
    add column horizon_days int  not null default 120 check (horizon_days between 7 and 730),
    add column reviewers    text[] not null default '{}',
    add column selection    jsonb;  -- the risk of every module chosen, as it was when the campaign was made
