-- assignments: who holds which role on which module, from when to when (every assignment, past and future ones too).
-- Published for the other modules (docs/architecture.md, « Tables and their owners »): a reader picks the current ones
-- with the service's « today » (its Clock), bound as a parameter, never the database's current_date.
create view assignment_period as
select a.id, a.vacataire_id, a.module_id, a.role, a.starts_on, a.ends_on
from assignment a;
