-- Views a table's owner publishes for the other modules to read, so that a rule is written once, by its owner
-- (docs/architecture.md, « Tables and their owners »). TableOwnershipTests allows reading them from any module.

-- vacataires: a vacataire as the other modules see them. The name rule, written once: what a coordinator entered
-- (firstname, lastname, email, idnumber) wins over what Moodle gave.
create view vacataire_name as
select v.id, v.moodle_user_id,
       coalesce(v.firstname, v.moodle_firstname, '') as firstname,
       coalesce(v.lastname, v.moodle_lastname, '') as lastname,
       trim(coalesce(v.firstname, v.moodle_firstname, '') || ' ' || coalesce(v.lastname, v.moodle_lastname, '')) as name,
       coalesce(v.email, v.moodle_email) as email,
       coalesce(v.idnumber, v.moodle_idnumber) as idnumber,
       v.status, v.search_key, v.sort_key
from vacataire v;

-- sync: the modules of the catalogue today (a course archived when it left Moodle or the EAD's categories is not).
create view current_module as
select m.id, m.moodle_course_id, m.shortname, m.fullname, m.idnumber, m.category_id, m.visible, m.learner_count,
       m.content_changed_at, m.search_key, m.sort_key
from module m
where m.archived_at is null;

-- sync: the current authors and tutors of the current modules, as Moodle's roles say.
create view module_staff as
select r.module_id, r.vacataire_id, r.role, r.moodle_roles
from module_role r join module m on m.id = r.module_id
where m.archived_at is null;

-- sync: each category and every category of its subtree, itself included (a level or a subject and what is under it).
create view category_subtree as
select a.id as category_id, c.id as member_id
from moodle_category a join moodle_category c on c.id = a.id or c.path like '%/' || a.id || '/%';

-- referentials: each competency and the top of its référentiel's tree (its subject).
create view competency_root as
with recursive up(id, root) as (
    select id, id from competency where parent_id is null
    union all
    select c.id, up.root from competency c join up on c.parent_id = up.id)
select id as competency_id, root as root_id from up;

-- referentials: the subjects a module works (the tops of the trees of the competencies it is mapped to).
create view module_root as
select distinct k.module_id, r.root_id
from competency_mapping k join competency_root r on r.competency_id = k.competency_id;

-- referentials: the exam sessions that concern a module: a part of the exam and the module share a subject.
create view module_exam_session as
with exam_root as (
    select distinct p.exam_id, r.root_id
    from exam_part_competency pc join exam_part p on p.id = pc.part_id join competency_root r on r.competency_id = pc.competency_id)
select distinct mr.module_id, e.id as exam_id, e.code as exam_code, s.starts_on
from module_root mr join exam_root er on er.root_id = mr.root_id join exam e on e.id = er.exam_id
join exam_session s on s.exam_id = e.id;

-- reviews: the last decided review (approved or rejected) of each module that has one.
create view last_decided_review as
select distinct on (module_id) module_id, id as review_id, state, score, decided_at
from review
where state in ('APPROVED', 'REJECTED')
order by module_id, decided_at desc, id desc;
