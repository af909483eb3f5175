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
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require(__DIR__ . '/../../config.php');

use local_eadtutors\local\service_client;
use local_eadtutors\local\service_unavailable;
use local_eadtutors\local\workspace_mapper;

require_login(null, false);
$context = context_system::instance();
require_capability('local/eadtutors:view', $context);

$PAGE->set_url(new moodle_url('/local/eadtutors/index.php'));
$PAGE->set_context($context);
$PAGE->set_pagelayout('standard');
$PAGE->set_title(get_string('workspace', 'local_eadtutors'));
$PAGE->set_heading(get_string('workspace', 'local_eadtutors'));

$userid = (int) $USER->id;
$cache = cache::make('local_eadtutors', 'workspace');
$workspace = $cache->get($userid);
$unavailable = false;
if ($workspace === false) {
    try {
        $workspace = service_client::create()->workspace($userid);
        $cache->set($userid, $workspace ?? ['notvacataire' => true]);
    } catch (service_unavailable $e) {
        // Moodle keeps working: the page says so in a sentence, the reason goes to the developer's debugging only.
        debugging('local_eadtutors: ' . $e->getMessage(), DEBUG_DEVELOPER);
        $workspace = null;
        $unavailable = true;
    }
}

$data = ['unavailable' => $unavailable, 'notvacataire' => !$unavailable && ($workspace === null || isset($workspace['notvacataire']))];
if (!$unavailable && !$data['notvacataire']) {
    $data += workspace_mapper::create()->context($workspace);
    $data['actionurl'] = (new moodle_url('/local/eadtutors/action.php'))->out(false);
    $data['sesskey'] = sesskey();
}

echo $OUTPUT->header();
echo $OUTPUT->render_from_template('local_eadtutors/workspace', $data);
echo $OUTPUT->footer();
