-- Issue 15: web sessions follow the account. Every change of what an account may do (its password, its role, whether it
-- is enabled) draws a new security stamp; a web session remembers the stamp it was opened with and ends when it differs,
-- on whichever instance serves it. The trigger makes the rule hold for every writer, present and future.
alter table account add column security_stamp uuid not null default gen_random_uuid();

create function account_security_stamp() returns trigger language plpgsql as $$
begin
    if new.password_hash is distinct from old.password_hash or new.role is distinct from old.role
            or new.enabled is distinct from old.enabled or new.username is distinct from old.username then
        new.security_stamp := gen_random_uuid();
    end if;
    return new;
end $$;
create trigger account_security_stamp before update on account
    for each row execute function account_security_stamp();
