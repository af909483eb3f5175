-- Issue 7: the Moodle plugin. The nonces of signed plugin requests (a nonce is accepted once within the time window),
-- and the cursor of the plugin's change feed the incremental sync reads.

create table plugin_nonce (
    nonce    text primary key,
    seen_at  timestamptz not null
);
create index plugin_nonce_seen on plugin_nonce (seen_at);

create table moodle_change_cursor (
    id          int primary key check (id = 1),
    cursor      bigint not null,
    updated_at  timestamptz not null
);
