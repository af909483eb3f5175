-- Issue 17: drift per activity. A module whose last quality review was approved is « watched »: the activities Moodle
-- showed at the approval are its baseline; the sync reads them again when the course's content changed (the plugin's
-- course-module events, or the course's cacherev) and compares one fingerprint per activity. Owned by the sync
-- (written by the sync and, at an approval, by the sync's ModuleContents); names of activities only, no personal data.

create table watched_module (
    module_id    bigint primary key references module (id),
    review_id    bigint      not null,      -- the approved review whose baseline this is (reviews' table, no key across)
    approved_at  timestamptz not null,
    baseline_at  timestamptz,               -- when the baseline was read; null: to read at the next sync
    cacherev     bigint,                    -- the course's cache revision when its activities were last read; null: unknown
    read_at      timestamptz,               -- when its activities were last read
    changed_at   timestamptz                -- when a read last found them different from the read before
);

-- The activities as last read.
create table module_activity (
    module_id    bigint not null references module (id),
    cmid         bigint not null,           -- Moodle's course-module id
    section      int    not null,
    modname      text   not null,           -- page, quiz, assign, forum…
    name         text   not null,
    fingerprint  text   not null,           -- SHA-256 of what an author changes in it (see MoodleRecords.Activity)
    primary key (module_id, cmid)
);

-- The activities as they were at the module's last approved review.
create table module_activity_baseline (
    module_id    bigint not null references module (id),
    cmid         bigint not null,
    section      int    not null,
    modname      text   not null,
    name         text   not null,
    fingerprint  text   not null,
    primary key (module_id, cmid)
);

-- What changed since the last approved review, per activity: added, removed, or changed (its fingerprint differs).
-- Published for the reviews (« à revoir », the module's page).
create view module_activity_drift as
select w.module_id, w.review_id, coalesce(a.cmid, b.cmid) as cmid, coalesce(a.modname, b.modname) as modname,
       coalesce(a.name, b.name) as name, b.name as name_before,
       case when b.cmid is null then 'ADDED' when a.cmid is null then 'REMOVED' else 'CHANGED' end as change
from watched_module w
join (module_activity a full join module_activity_baseline b on b.module_id = a.module_id and b.cmid = a.cmid)
  on coalesce(a.module_id, b.module_id) = w.module_id
where w.baseline_at is not null
  and (a.cmid is null or b.cmid is null or a.fingerprint <> b.fingerprint);

-- Modules approved before this version: watched from now on, their baseline taken at the next sync (the activities as
-- they are then; what changed between their approval and this upgrade cannot be known).
insert into watched_module (module_id, review_id, approved_at)
select distinct on (r.module_id) r.module_id, r.id, r.decided_at
from review r join module m on m.id = r.module_id
where r.state = 'APPROVED' and r.decided_at is not null and m.archived_at is null
order by r.module_id, r.decided_at desc, r.id desc;
