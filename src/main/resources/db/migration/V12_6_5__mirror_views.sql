-- sync: the Moodle mirror as the other modules read it (docs/architecture.md, « Tables and their owners »), beside the
-- views of V12_5 (current_module, module_staff, category_subtree) and V12_5_1 (module_name), which show current modules.

-- Every module the sync has seen, archived ones included (archived_at: when it left Moodle or the EAD's categories),
-- with what Moodle said of it: the catalogue lists and searches them all.
create view synced_module as
select m.id, m.moodle_course_id, m.shortname, m.fullname, m.idnumber, m.category_id, m.visible, m.archived_at,
       m.learner_count, m.content_changed_at, m.search_key, m.sort_key
from module m;

-- Every author and tutor role the sync found in Moodle, in archived modules too (module_staff: current modules only).
create view role_link as
select r.module_id, r.vacataire_id, r.role, r.moodle_roles
from module_role r;

-- Every category with its parent's name, the names from the root down to it (itself included), and whether it or a
-- category above it is hidden in Moodle (a hidden category hides its subtree).
create view category_path as
select c.id, c.name, c.parent_id, p.name as parent_name, c.path, c.depth, c.sortorder, c.visible,
       array(select a.name from unnest(string_to_array(trim(both '/' from c.path), '/')::bigint[]) with ordinality x(id, n)
             join moodle_category a on a.id = x.id order by x.n) as names,
       exists(select 1 from unnest(string_to_array(trim(both '/' from c.path), '/')::bigint[]) x(id)
              join moodle_category a on a.id = x.id where not a.visible) as hidden
from moodle_category c left join moodle_category p on p.id = c.parent_id;

-- When the sync last found the activities of a watched module (its last review approved) different from the read
-- before, by the approved review whose baseline they are compared with.
create view module_content_change as
select w.module_id, w.review_id, w.changed_at
from watched_module w;
