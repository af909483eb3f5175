-- Hours are optional when Moodle roles are adopted as assignments in bulk on the first deployment: 0 means "not given".
alter table assignment drop constraint assignment_hours_check;
alter table assignment add constraint assignment_hours_check check (hours between 0 and 1000);
