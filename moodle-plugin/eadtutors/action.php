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
 * The vacataire's actions from « Mon espace EAD »: acknowledging an evaluation, answering a review finding.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require(__DIR__ . '/../../config.php');

use core\output\notification;
use local_eadtutors\local\service_client;
use local_eadtutors\local\service_unavailable;
use local_eadtutors\local\staff_status;
use local_eadtutors\local\workspace_page;

/** The longest comment or answer accepted, in characters (the forms say the same). */
const LOCAL_EADTUTORS_MAX_TEXT = 4000;

require_login(null, false);
$context = context_system::instance();
$PAGE->set_context($context);
$PAGE->set_url(new moodle_url('/local/eadtutors/action.php'));
require_capability('local/eadtutors:view', $context);
require_sesskey();

$back = new moodle_url('/local/eadtutors/index.php');
// An administrator logged in as the vacataire must not acknowledge or answer in their name.
if (\core\session\manager::is_loggedinas()) {
    redirect($back, get_string('loggedinas', 'local_eadtutors'), null, notification::NOTIFY_ERROR);
}
if (!staff_status::create()->is_staff((int) $USER->id)) {
    redirect($back, get_string('actionrefused', 'local_eadtutors'), null, notification::NOTIFY_ERROR);
}

$action = required_param('action', PARAM_ALPHA);
$id = required_param('id', PARAM_INT);
$text = optional_param('text', '', PARAM_RAW);
if (core_text::strlen($text) > LOCAL_EADTUTORS_MAX_TEXT) {
    redirect(
        $back,
        get_string('texttoolong', 'local_eadtutors', LOCAL_EADTUTORS_MAX_TEXT),
        null,
        notification::NOTIFY_ERROR
    );
}
$text = trim(clean_param($text, PARAM_TEXT));

try {
    $client = service_client::create();
    if ($action === 'acknowledge') {
        $refusal = $client->acknowledge((int) $USER->id, $id, $text);
        $done = get_string('acknowledged', 'local_eadtutors');
    } else if ($action === 'answer') {
        $refusal = $client->answer((int) $USER->id, $id, $text);
        $done = get_string('answered', 'local_eadtutors');
    } else {
        throw new moodle_exception('invalidparameter', 'debug');
    }
} catch (service_unavailable $e) {
    debugging('local_eadtutors: ' . $e->getMessage(), DEBUG_DEVELOPER);
    redirect($back, get_string('unavailable', 'local_eadtutors'), null, notification::NOTIFY_ERROR);
}

// What the vacataire sees next must include what they just did.
workspace_page::create()->forget((int) $USER->id);
if ($refusal !== null) {
    redirect($back, s($refusal), null, notification::NOTIFY_WARNING);
}
redirect($back, $done, null, notification::NOTIFY_SUCCESS);
