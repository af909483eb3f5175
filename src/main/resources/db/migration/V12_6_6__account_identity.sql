-- security: who an account is, for the other modules (a reviewer's load, the conflict-of-interest rule): its user name,
-- the name shown, its role, whether it is enabled, and the vacataire it is linked to. Never its password nor its stamp.
create view account_identity as
select a.username, a.display_name, a.role, a.enabled, a.vacataire_id
from account a;
