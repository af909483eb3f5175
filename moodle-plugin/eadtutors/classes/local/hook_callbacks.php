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
 * Hook callbacks of the EAD tutors plugin.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

use core\hook\navigation\primary_extend;

/**
 * Adds « Mon espace EAD » to the primary navigation of the users the EAD service knows as vacataires.
 */
final class hook_callbacks {
    /**
     * Adds the link for a known vacataire. Whether the user is one is cached; a miss asks the service with a short
     * timeout, and a service that does not answer only hides the link for a while: Moodle's pages never wait long.
     *
     * @param primary_extend $hook the hook
     */
    public static function primary_extend(primary_extend $hook): void {
        global $USER;
        if (during_initial_install() || !isloggedin() || isguestuser()) {
            return;
        }
        if (!has_capability('local/eadtutors:view', \context_system::instance())) {
            return;
        }
        if (!self::known((int) $USER->id)) {
            return;
        }
        $hook->get_primaryview()->add(get_string('workspace', 'local_eadtutors'),
            new \moodle_url('/local/eadtutors/index.php'), \navigation_node::TYPE_CUSTOM, null, 'local_eadtutors');
    }

    /**
     * Whether the user is a vacataire the service knows.
     *
     * @param int $userid the Moodle user id
     * @return bool
     */
    private static function known(int $userid): bool {
        $cache = \cache::make('local_eadtutors', 'known');
        $known = $cache->get($userid);
        if ($known !== false) {
            return $known === 'yes';
        }
        try {
            $workspace = service_client::create(2)->workspace($userid);
            $known = $workspace === null ? 'no' : 'yes';
            if ($workspace !== null) {
                \cache::make('local_eadtutors', 'workspace')->set($userid, $workspace);
            }
        } catch (service_unavailable $e) {
            debugging('local_eadtutors: ' . $e->getMessage(), DEBUG_DEVELOPER);
            $known = 'unknown';
        }
        $cache->set($userid, $known);
        return $known === 'yes';
    }
}
