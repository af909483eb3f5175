-- assignments: when each vacataire's first assignment began (the start of their service as the service knows it). An
-- active vacataire never evaluated is due an evaluation one interval (a year) after it, not from the day they are known.
create view vacataire_first_assignment as
select a.vacataire_id, min(a.starts_on) as first_starts_on
from assignment a
group by a.vacataire_id;
