-- vacataires: what the rules of the other modules need of a vacataire beside their name (vacataire_name): their status,
-- their workload cap (null: the service's default), and whether their file was erased (GDPR anonymisation).
create view vacataire_status as
select v.id, v.status, v.workload_cap_hours, v.anonymised_at is not null as erased
from vacataire v;
