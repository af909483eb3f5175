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

use local_eadtutors\local\change_feed;

/**
 * Reads the Moodle events the EAD service syncs and hands their ids to the change feed, which decides what is recorded.
 * Registered with 'internal' => false (db/events.php): Moodle calls them once its transaction has committed, and never
 * for a change that was rolled back.
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
        change_feed::create()->course('course_created', (int) $event->objectid, false);
    }

    /**
     * A course was updated; moved to another category when its updated fields name the category.
     *
     * @param \core\event\course_updated $event the event
     */
    public static function course_updated(\core\event\course_updated $event): void {
        $moved = isset($event->other['updatedfields']) && is_array($event->other['updatedfields'])
            && array_key_exists('category', $event->other['updatedfields']);
        change_feed::create()->course('course_updated', (int) $event->objectid, $moved);
    }

    /**
     * A course was deleted; its category comes from the snapshot Moodle keeps in the event.
     *
     * @param \core\event\course_deleted $event the event
     */
    public static function course_deleted(\core\event\course_deleted $event): void {
        $course = $event->get_record_snapshot('course', $event->objectid);
        change_feed::create()->course_deleted((int) $event->objectid, $course ? (int) $course->category : 0);
    }

    /**
     * A category was created.
     *
     * @param \core\event\course_category_created $event the event
     */
    public static function category_created(\core\event\course_category_created $event): void {
        change_feed::create()->category('category_created', (int) $event->objectid);
    }

    /**
     * A category was updated: renamed, moved, shown or hidden (Moodle fires this event for each).
     *
     * @param \core\event\course_category_updated $event the event
     */
    public static function category_updated(\core\event\course_category_updated $event): void {
        change_feed::create()->category('category_updated', (int) $event->objectid);
    }

    /**
     * A category was deleted; its path comes from the snapshot Moodle keeps in the event.
     *
     * @param \core\event\course_category_deleted $event the event
     */
    public static function category_deleted(\core\event\course_category_deleted $event): void {
        $category = $event->get_record_snapshot('course_categories', $event->objectid);
        change_feed::create()->category('category_deleted', (int) $event->objectid, $category ? (string) $category->path : '');
    }

    /**
     * A course module was created.
     *
     * @param \core\event\course_module_created $event the event
     */
    public static function course_module_created(\core\event\course_module_created $event): void {
        change_feed::create()->course_module('course_module_created', (int) $event->courseid, (int) $event->objectid);
    }

    /**
     * A course module was updated (its settings, visibility, or its place in the course).
     *
     * @param \core\event\course_module_updated $event the event
     */
    public static function course_module_updated(\core\event\course_module_updated $event): void {
        change_feed::create()->course_module('course_module_updated', (int) $event->courseid, (int) $event->objectid);
    }

    /**
     * A course module was deleted.
     *
     * @param \core\event\course_module_deleted $event the event
     */
    public static function course_module_deleted(\core\event\course_module_deleted $event): void {
        change_feed::create()->course_module('course_module_deleted', (int) $event->courseid, (int) $event->objectid);
    }

    /**
     * A user was updated.
     *
     * @param \core\event\user_updated $event the event
     */
    public static function user_updated(\core\event\user_updated $event): void {
        change_feed::create()->user_updated((int) $event->relateduserid);
    }

    /**
     * A user was deleted.
     *
     * @param \core\event\user_deleted $event the event
     */
    public static function user_deleted(\core\event\user_deleted $event): void {
        change_feed::create()->user_deleted((int) $event->relateduserid);
    }

    /**
     * A role change.
     *
     * @param string $kind role_assigned or role_unassigned
     * @param \core\event\base $event the event
     */
    private static function role(string $kind, \core\event\base $event): void {
        change_feed::create()->role(
            $kind,
            (int) $event->contextlevel,
            (int) $event->contextinstanceid,
            (int) $event->relateduserid,
            (int) $event->objectid
        );
    }
}
