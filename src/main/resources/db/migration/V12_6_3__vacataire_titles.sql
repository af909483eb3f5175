-- titles: the titles each vacataire holds, by code, and what they cover (a level and a subject, by their search keys,
-- and how: REQUIS, SUFFISANT, PENURIE), for the assignment rules.
create view vacataire_title_held as
select vt.vacataire_id, t.id as title_id, t.code
from vacataire_title vt join title t on t.id = vt.title_id;

create view vacataire_title_coverage as
select vt.vacataire_id, tc.level_key, tc.subject_key, tc.kind
from vacataire_title vt join title_coverage tc on tc.title_id = vt.title_id;
