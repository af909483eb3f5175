-- Issue 16: erasure erases. The journal stays append-only, with one exception: an erasure (GDPR, art. 17) rewrites the
-- person's name, e-mail and free text in the lines that hold them, pseudonymised, inside its own transaction
-- (set_config('ead.redaction', 'on', true)); who, when, what and on which record never change, and the line says
-- when it was redacted.
alter table change_log add column redacted_at timestamptz;

create or replace function change_log_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('ead.redaction', true) = 'on'
       and new.id = old.id and new.at = old.at and new.entity = old.entity and new.entity_id = old.entity_id
       and new.vacataire_id is not distinct from old.vacataire_id and new.action = old.action
       and new.redacted_at is not null then
        return new;
    end if;
    raise exception 'change_log est en ajout seul : une ligne du journal ne se modifie ni ne se supprime'
        using errcode = 'insufficient_privilege';
end $$;
