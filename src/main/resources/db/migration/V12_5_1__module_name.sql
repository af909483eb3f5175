-- sync: every module, archived or not, as the other modules may name it: its names, its Moodle course, its category,
-- its place in the sort, and whether it is archived (it left Moodle or the EAD's categories). Published beside the
-- views of V12_5 (docs/architecture.md, « Tables and their owners »).
create view module_name as
select m.id, m.moodle_course_id, m.shortname, m.fullname, m.category_id, m.sort_key, m.archived_at is not null as archived
from module m;
