-- events: the event publication registry (an outbox). One row per event and listener, written in the transaction of
-- the change that causes the event; dispatched after its commit, each listener in a transaction of its own that also
-- marks its row completed. A row not completed is delivered again (at start-up and on a schedule) until it completes
-- or its attempts run out (FAILED, logged, counted by the health endpoint). docs/architecture.md, « Events ».
create table event_publication (
    id               bigserial primary key,
    event_type       text        not null,
    listener_id      text        not null,
    payload          jsonb       not null,
    published_at     timestamptz not null,
    state            text        not null default 'PUBLISHED' check (state in ('PUBLISHED', 'COMPLETED', 'FAILED')),
    attempts         int         not null default 0,
    -- When it may be delivered (again): its publication, then after each failure a later time; while a delivery runs,
    -- the end of its lease (a delivery cut by a crash is taken again when the lease ends).
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    completed_at     timestamptz,
    last_error       text,
    check ((state = 'COMPLETED') = (completed_at is not null))
);
create index event_publication_due on event_publication (next_attempt_at) where state = 'PUBLISHED';
create index event_publication_completed on event_publication (completed_at) where state = 'COMPLETED';
