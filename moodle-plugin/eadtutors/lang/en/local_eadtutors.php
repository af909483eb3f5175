<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * English strings of the EAD tutors plugin.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['ackcomment'] = 'Your comment (optional)';
$string['acknowledge'] = 'I have read this evaluation';
$string['acknowledged'] = 'Your acknowledgement was sent.';
$string['acknowledgedon'] = 'Read on {$a}';
$string['actionrefused'] = 'This action is only open to the EAD\'s authors and tutors.';
$string['answer'] = 'Answer';
$string['answerby'] = 'Answer from {$a->author} on {$a->date}:';
$string['answered'] = 'Your answer was sent to the reviewer.';
$string['answerto'] = 'Answer “{$a}”';
$string['assignments'] = 'My assignments';
$string['cachedef_staff'] = 'Whether a user holds an author or tutor role in the EAD tree';
$string['cachedef_workspace'] = 'A vacataire\'s EAD workspace';
$string['categoryroots'] = 'Root categories of the EAD';
$string['categoryroots_desc'] = 'The ids of the categories whose subtrees hold the EAD\'s modules, separated by commas (the same as the service\'s MOODLE_CATEGORY_ROOTS). Empty: every category. Only changes in these subtrees go into the change feed, and only users holding a staff role in a course of these subtrees see “My EAD workspace”.';
$string['criterionpath'] = '{$a->section} › {$a->criterion}';
$string['current'] = 'current';
$string['deadline'] = 'changes due by {$a}';
$string['done'] = 'Done';
$string['eadtutors:readchanges'] = 'Read the change feed (EAD service)';
$string['eadtutors:view'] = 'See my EAD workspace';
$string['evaluationof'] = 'Evaluation of {$a}';
$string['evaluations'] = 'My evaluations';
$string['evaluationscore'] = 'Score: {$a->score} / {$a->max}';
$string['feed'] = 'Change feed';
$string['findingvalue'] = 'Assessment: {$a}';
$string['hours'] = 'Hours';
$string['hoursunset'] = 'not given';
$string['kind_continuing'] = 'continuing';
$string['kind_initial'] = 'initial';
$string['loggedinas'] = 'You are logged in as this user: the workspace is shown, but its actions are reserved to the user themselves.';
$string['missingtraining'] = '{$a->topic} ({$a->kind}, {$a->role})';
$string['missingtrainings'] = 'Trainings your roles require and you have not done yet:';
$string['module'] = 'Module';
$string['noassignments'] = 'No assignment.';
$string['noevaluations'] = 'No evaluation yet.';
$string['noreviews'] = 'No quality review of your modules under way.';
$string['notrainings'] = 'No training.';
$string['notvacataire'] = 'This page is for the EAD\'s authors and tutors: Moodle does not show you holding an author or tutor role in a course of the EAD, or the EAD service does not know you as a vacataire.';
$string['period'] = 'Period';
$string['periodrange'] = '{$a->from} – {$a->to}';
$string['pluginname'] = 'EAD tutors';
$string['privacy:change:role_assigned'] = 'Role assigned in a course of the EAD';
$string['privacy:change:role_unassigned'] = 'Role unassigned in a course of the EAD';
$string['privacy:change:user_deleted'] = 'User deleted';
$string['privacy:change:user_updated'] = 'Profile updated';
$string['privacy:changes'] = 'EAD changes';
$string['privacy:metadata:change'] = 'Changes the EAD service\'s sync reads, kept 30 days: role changes in the courses of the EAD tree (naming the user only for author and tutor roles), courses, categories and course modules of that tree, and profile changes of its authors and tutors.';
$string['privacy:metadata:change:categoryid'] = 'The category concerned.';
$string['privacy:metadata:change:cmid'] = 'The course module concerned.';
$string['privacy:metadata:change:courseid'] = 'The course concerned.';
$string['privacy:metadata:change:kind'] = 'What changed.';
$string['privacy:metadata:change:roleid'] = 'The role assigned or unassigned.';
$string['privacy:metadata:change:timecreated'] = 'When it changed.';
$string['privacy:metadata:change:userid'] = 'The author or tutor concerned.';
$string['privacy:metadata:eadservice'] = 'The EAD service (distance education of the Fédération Wallonie-Bruxelles) shows the EAD\'s authors and tutors their assignments, trainings, evaluations and review findings; the plugin asks it on the user\'s behalf, only for users holding an author or tutor role in the EAD tree, when they open their workspace or act in it.';
$string['privacy:metadata:eadservice:answer'] = 'The answers the user gives to review findings.';
$string['privacy:metadata:eadservice:comment'] = 'The comment the user gives when acknowledging an evaluation.';
$string['privacy:metadata:eadservice:userid'] = 'The Moodle user id, sent with every request of the user\'s workspace and actions: it identifies the vacataire to the service.';
$string['reviews'] = 'Quality reviews of my modules';
$string['reviewscore'] = 'score {$a}%';
$string['role'] = 'Role';
$string['role_author'] = 'Author';
$string['role_tutor'] = 'Tutor';
$string['secret'] = 'Shared secret';
$string['secret_desc'] = 'The secret shared with the EAD service (its EAD_PLUGIN_SECRET). Requests are signed with it; it is never sent.';
$string['service'] = 'EAD service';
$string['serviceurl'] = 'EAD service URL';
$string['serviceurl_desc'] = 'The base URL of the EAD service, for example https://ead.example.be. It must be https: the requests carry the vacataires\' answers. Plain http is accepted only for localhost and 127.0.0.1, for development. The site\'s HTTP security settings must allow its host and port.';
$string['serviceurl_https'] = 'The service URL must start with https:// (http:// only for localhost or 127.0.0.1, for development), without user, query or fragment.';
$string['settle'] = 'Settle window (seconds)';
$string['settle_desc'] = 'A change becomes readable by the EAD service only this many seconds after it was recorded, so that a change committed late is never skipped by the service\'s cursor. 10 s by default.';
$string['staffroles'] = 'Author and tutor roles';
$string['staffroles_desc'] = 'The roles that make a user one of the EAD\'s authors or tutors in a course of the EAD tree (the service\'s MOODLE_AUTHOR_ROLES and MOODLE_TUTOR_ROLES). Their holders see “My EAD workspace”; a profile change is recorded only for them.';
$string['state_approved'] = 'approved';
$string['state_changes_requested'] = 'changes requested';
$string['state_in_review'] = 'in review';
$string['state_planned'] = 'planned';
$string['state_rejected'] = 'refused';
$string['task_purge_changes'] = 'Forget changes older than 30 days';
$string['texttoolong'] = 'The text is too long ({$a} characters at most).';
$string['timeout'] = 'Timeout (seconds)';
$string['timeout_desc'] = 'How long the page waits for the EAD service before saying it is unavailable.';
$string['topic_moodle'] = 'Moodle';
$string['topic_other'] = 'Other';
$string['topic_pedagogy'] = 'Online pedagogy';
$string['topic_tutoring'] = 'Distance tutoring';
$string['trainingline'] = '{$a->date} – {$a->title} ({$a->topic})';
$string['trainings'] = 'My trainings';
$string['tree'] = 'EAD tree';
$string['tree_desc'] = 'Which part of Moodle is the EAD\'s, decided by the plugin itself from Moodle\'s tables: no page waits on the EAD service.';
$string['unavailable'] = 'The EAD service is not answering at the moment: your workspace cannot be shown. Moodle works as usual; try again in a few minutes.';
$string['upcoming'] = 'Coming';
$string['welcome'] = 'Hello {$a}, here is your EAD work.';
$string['workspace'] = 'My EAD workspace';
$string['youranswerto'] = 'Your answer to “{$a}”';
$string['yourcomment'] = 'Your comment: “{$a}”';
