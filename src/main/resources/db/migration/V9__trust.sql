-- Issue 8: failed sign-ins (throttling and lockout), the immutable audit trail, and the reads of personal files.

create table login_failure (
    id        bigserial primary key,
    username  text not null,
    address   text not null,
    at        timestamptz not null
);
create index login_failure_username on login_failure (lower(username), at);
create index login_failure_address on login_failure (address, at);

-- The change log is the proof of who changed what: the application may add to it, never change or remove a line.
create function change_log_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'change_log est en ajout seul : une ligne du journal ne se modifie ni ne se supprime'
        using errcode = 'insufficient_privilege';
end $$;
create trigger change_log_append_only before update or delete on change_log
    for each row execute function change_log_immutable();

-- Who read a vacataire's evaluations, when and through what (a page, the API, the plugin).
create table access_log (
    id            bigserial primary key,
    at            timestamptz not null,
    reader        text   not null,
    vacataire_id  bigint not null references vacataire (id),
    what          text   not null,
    via           text   not null
);
create index access_log_vacataire on access_log (vacataire_id, at desc);
create index access_log_at on access_log (at desc);
