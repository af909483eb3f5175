-- audit: a read repeated by the same reader, of the same person's same data, the same way, within 15 minutes of the
-- line's last read extends that line (its last time, its count) instead of adding one. A coordinator going back and
-- forth between vacataires' pages wrote 26 lines in 10 minutes; every read is still counted, and when.
alter table access_log
    add column last_at timestamptz,
    add column times   int not null default 1 check (times >= 1);
