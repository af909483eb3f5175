-- Issue 15: sign-in throttling that holds under concurrency. An attempt is counted before its password is checked, in
-- one statement (an upsert on the account's and the address's rows), so that a burst of parallel attempts cannot all
-- be checked; a success takes back only its own attempt. Counts live in a fixed window that starts at the first
-- attempt (`since`); an expired window starts again at 1.
drop table login_failure;

create table login_attempt (
    kind   text    not null check (kind in ('account', 'address')),
    key    text    not null,            -- the lower-cased username, or the client's address
    count  integer not null,
    since  timestamptz not null,
    primary key (kind, key)
);
create index login_attempt_since on login_attempt (since);
