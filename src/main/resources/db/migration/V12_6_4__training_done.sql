-- training: the trainings each role requires, and those each vacataire completed, for the assignment rules (the rule
-- « a training is done when a session of its kind and topic was completed » written once, here).
create view training_required as
select q.role, q.kind, q.topic
from training_requirement q;

create view training_done as
select distinct r.vacataire_id, s.kind, s.topic
from training_registration r join training_session s on s.id = r.session_id
where r.completed_at is not null;
