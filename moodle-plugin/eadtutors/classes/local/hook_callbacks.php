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

use core\hook\di_configuration;
use core\hook\navigation\primary_extend;

/**
 * The plugin's hook callbacks.
 */
final class hook_callbacks {
    /**
     * Adds « Mon espace EAD » to the primary navigation of the EAD's authors and tutors. Who they are is decided from
     * Moodle's own tables and cached (staff_status): rendering a page never calls the EAD service.
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
        if (!staff_status::create()->is_staff((int) $USER->id)) {
            return;
        }
        $hook->get_primaryview()->add(
            get_string('workspace', 'local_eadtutors'),
            new \moodle_url('/local/eadtutors/index.php'),
            \navigation_node::TYPE_CUSTOM,
            null,
            'local_eadtutors'
        );
    }

    /**
     * Puts the service client's HTTP layer in Moodle's container (tests replace it with \core\di::set()).
     *
     * @param di_configuration $hook the hook
     */
    public static function di_configuration(di_configuration $hook): void {
        $hook->add_definition(http_transport::class, static fn(): http_transport => new curl_transport());
    }
}
