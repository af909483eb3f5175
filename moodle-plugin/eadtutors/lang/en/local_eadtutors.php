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
$string['answer'] = 'Answer';
$string['answered'] = 'Your answer was sent to the reviewer.';
$string['assignments'] = 'My assignments';
$string['cachedef_known'] = 'Whether a user is an EAD vacataire';
$string['cachedef_workspace'] = 'A vacataire\'s EAD workspace';
$string['current'] = 'current';
$string['deadline'] = 'changes due by {$a}';
$string['done'] = 'Done';
$string['eadtutors:readchanges'] = 'Read the change feed (EAD service)';
$string['eadtutors:view'] = 'See my EAD workspace';
$string['evaluations'] = 'My evaluations';
$string['hours'] = 'Hours';
$string['kind_continuing'] = 'continuing';
$string['kind_initial'] = 'initial';
$string['missingtrainings'] = 'Trainings your roles require and you have not done yet:';
$string['module'] = 'Module';
$string['noassignments'] = 'No assignment.';
$string['noevaluations'] = 'No evaluation yet.';
$string['noreviews'] = 'No quality review of your modules under way.';
$string['notrainings'] = 'No training.';
$string['notvacataire'] = 'The EAD does not know you as a vacataire: this page is for the EAD\'s authors and tutors.';
$string['period'] = 'Period';
$string['pluginname'] = 'EAD tutors';
$string['privacy:metadata:change'] = 'Changes to role assignments, courses and users, kept 30 days for the EAD service\'s sync.';
$string['privacy:metadata:change:courseid'] = 'The course concerned.';
$string['privacy:metadata:change:kind'] = 'What changed.';
$string['privacy:metadata:change:roleid'] = 'The role assigned or unassigned.';
$string['privacy:metadata:change:timecreated'] = 'When it changed.';
$string['privacy:metadata:change:userid'] = 'The user concerned.';
$string['privacy:metadata:eadservice'] = 'The EAD service (distance education of the Fédération Wallonie-Bruxelles) shows vacataires their assignments, trainings, evaluations and review findings; the plugin asks it on the user\'s behalf.';
$string['privacy:metadata:eadservice:answer'] = 'The answers the user gives to review findings.';
$string['privacy:metadata:eadservice:comment'] = 'The comment the user gives when acknowledging an evaluation.';
$string['privacy:metadata:eadservice:userid'] = 'The Moodle user id, which identifies the vacataire to the service.';
$string['reviews'] = 'Quality reviews of my modules';
$string['role'] = 'Role';
$string['role_author'] = 'Author';
$string['role_tutor'] = 'Tutor';
$string['score'] = 'score';
$string['secret'] = 'Shared secret';
$string['secret_desc'] = 'The secret shared with the EAD service (its EAD_PLUGIN_SECRET). Requests are signed with it; it is never sent.';
$string['serviceurl'] = 'EAD service URL';
$string['serviceurl_desc'] = 'The base URL of the EAD service, for example https://ead.example.be. The site\'s HTTP security settings must allow its host and port.';
$string['state_approved'] = 'approved';
$string['state_changes_requested'] = 'changes requested';
$string['state_in_review'] = 'in review';
$string['state_planned'] = 'planned';
$string['state_rejected'] = 'refused';
$string['task_purge_changes'] = 'Forget changes older than 30 days';
$string['timeout'] = 'Timeout (seconds)';
$string['timeout_desc'] = 'How long the page waits for the EAD service before saying it is unavailable.';
$string['topic_moodle'] = 'Moodle';
$string['topic_other'] = 'Other';
$string['topic_pedagogy'] = 'Online pedagogy';
$string['topic_tutoring'] = 'Distance tutoring';
$string['trainings'] = 'My trainings';
$string['unavailable'] = 'The EAD service is not answering at the moment: your workspace cannot be shown. Moodle works as usual; try again in a few minutes.';
$string['upcoming'] = 'Coming';
$string['welcome'] = 'Hello {$a}, here is your EAD work.';
$string['workspace'] = 'My EAD workspace';
