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
 * Event observers of the EAD tutors plugin.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\change_log;

/**
 * Records the Moodle events the EAD service syncs: role assignments in courses, courses, users.
 */
final class observer {
    /**
     * A role was assigned.
     *
     * @param \core\event\role_assigned $event the event
     */
    public static function role_assigned(\core\event\role_assigned $event): void {
        self::role('role_assigned', $event);
    }

    /**
     * A role was unassigned.
     *
     * @param \core\event\role_unassigned $event the event
     */
    public static function role_unassigned(\core\event\role_unassigned $event): void {
        self::role('role_unassigned', $event);
    }

    /**
     * A course was created.
     *
     * @param \core\event\course_created $event the event
     */
    public static function course_created(\core\event\course_created $event): void {
        change_log::create()->record('course_created', (int) $event->objectid, 0, 0);
    }

    /**
     * A course was updated.
     *
     * @param \core\event\course_updated $event the event
     */
    public static function course_updated(\core\event\course_updated $event): void {
        change_log::create()->record('course_updated', (int) $event->objectid, 0, 0);
    }

    /**
     * A course was deleted.
     *
     * @param \core\event\course_deleted $event the event
     */
    public static function course_deleted(\core\event\course_deleted $event): void {
        change_log::create()->record('course_deleted', (int) $event->objectid, 0, 0);
    }

    /**
     * A user was updated.
     *
     * @param \core\event\user_updated $event the event
     */
    public static function user_updated(\core\event\user_updated $event): void {
        change_log::create()->record('user_updated', 0, (int) $event->relateduserid, 0);
    }

    /**
     * A user was deleted.
     *
     * @param \core\event\user_deleted $event the event
     */
    public static function user_deleted(\core\event\user_deleted $event): void {
        change_log::create()->record('user_deleted', 0, (int) $event->relateduserid, 0);
    }

    /**
     * A role change: kept only in a course's context (the EAD service syncs course roles).
     *
     * @param string $kind role_assigned or role_unassigned
     * @param \core\event\base $event the event
     */
    private static function role(string $kind, \core\event\base $event): void {
        if ((int) $event->contextlevel !== CONTEXT_COURSE) {
            return;
        }
        change_log::create()->record($kind, (int) $event->contextinstanceid, (int) $event->relateduserid, (int) $event->objectid);
    }
}
