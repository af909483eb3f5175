-- referentials: what the read side (package analysis: coverage, exam readiness, priorities, what to produce) reads of
-- the référentiels, the mappings and the exams, beside competency_root, module_root and module_exam_session (V12_5).

-- Each module–competency mapping with the référentiel of the competency and its depth (INTRODUCED, WORKED, MASTERED).
create view module_competency as
select k.module_id, k.competency_id, c.referential_id, k.depth
from competency_mapping k join competency c on c.id = k.competency_id;

-- The latest version of each référentiel (the analyses of what to produce read these).
create view latest_referential as
select r.id, r.idnumber, r.shortname, r.version
from referential r
where r.version = (select max(r2.version) from referential r2 where r2.idnumber = r.idnumber);

-- Each exam part with its exam, its weight and its share of its exam's weight (from 0 to 1), and how many competencies
-- it ties.
create view exam_part_weight as
select e.id as exam_id, e.code as exam_code, e.name as exam_name, e.level, p.id as part_id, p.name as part_name, p.weight,
       p.position, p.weight::float8 / sum(p.weight) over (partition by e.id) as share,
       (select count(*) from exam_part_competency pc where pc.part_id = p.id) as competencies
from exam_part p join exam e on e.id = p.exam_id;

-- The competencies each exam part ties.
create view exam_competency as
select p.exam_id, pc.part_id, pc.competency_id
from exam_part_competency pc join exam_part p on p.id = pc.part_id;
