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
 * « Mon espace EAD »: the vacataire's assignments, trainings, evaluations and review findings, from the EAD service.
 *
 * The only page that asks the service, and only for users who hold a staff role in the EAD tree (decided locally).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require(__DIR__ . '/../../config.php');

use local_eadtutors\local\workspace_page;

require_login(null, false);
$context = context_system::instance();
require_capability('local/eadtutors:view', $context);

$PAGE->set_url(new moodle_url('/local/eadtutors/index.php'));
$PAGE->set_context($context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('workspace', 'local_eadtutors'));
$PAGE->set_heading(get_string('workspace', 'local_eadtutors'));

// An administrator logged in as the vacataire sees the workspace, but does not act in their name.
$data = workspace_page::create()->context((int) $USER->id, !\core\session\manager::is_loggedinas());
$data['actionurl'] = (new moodle_url('/local/eadtutors/action.php'))->out(false);
$data['sesskey'] = sesskey();

echo $OUTPUT->header();
echo $OUTPUT->render_from_template('local_eadtutors/workspace', $data);
echo $OUTPUT->footer();
