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
 * Moodle's contexts, stored in the context table as Moodle stores them (so the plugin's joins on it run for real).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable

/**
 * A context: id, level, instance.
 */
abstract class context {
    /** @var int The id. */
    public int $id;
    /** @var int The level. */
    public int $contextlevel;
    /** @var int The instance. */
    public int $instanceid;
    /** @var int The course of a module context (the stubs' shortcut for Moodle's get_course_context()). */
    public int $courseid = 0;

    /**
     * The context of an instance at a level, created in the context table when missing.
     *
     * @param int $level the level
     * @param int $instanceid the instance
     * @return static
     */
    protected static function of(int $level, int $instanceid): static {
        global $DB;
        // Moodle caches the system context; the others are read each time here (the tests count no query on them).
        if ($level === CONTEXT_SYSTEM) {
            $context = new static();
            [$context->id, $context->contextlevel, $context->instanceid] = [1, CONTEXT_SYSTEM, 0];
            return $context;
        }
        $id = $DB->get_field('context', 'id', ['contextlevel' => $level, 'instanceid' => $instanceid]);
        if ($id === false) {
            $id = $DB->insert_record('context', (object) ['contextlevel' => $level, 'instanceid' => $instanceid,
                'path' => '', 'depth' => 0]);
        }
        $context = new static();
        $context->id = (int) $id;
        $context->contextlevel = $level;
        $context->instanceid = $instanceid;
        return $context;
    }
}

/**
 * The system context.
 */
class context_system extends context {
    /**
     * The system context.
     *
     * @return static
     */
    public static function instance() {
        return static::of(CONTEXT_SYSTEM, 0);
    }
}

/**
 * A user's context.
 */
class context_user extends context {
    /**
     * A user's context.
     *
     * @param int $userid the user
     * @return static
     */
    public static function instance($userid) {
        return static::of(CONTEXT_USER, (int) $userid);
    }
}

/**
 * A category's context.
 */
class context_coursecat extends context {
    /**
     * A category's context.
     *
     * @param int $categoryid the category
     * @return static
     */
    public static function instance($categoryid) {
        return static::of(CONTEXT_COURSECAT, (int) $categoryid);
    }
}

/**
 * A course's context.
 */
class context_course extends context {
    /**
     * A course's context.
     *
     * @param int $courseid the course
     * @return static
     */
    public static function instance($courseid) {
        $context = static::of(CONTEXT_COURSE, (int) $courseid);
        $context->courseid = (int) $courseid;
        return $context;
    }
}

/**
 * A course module's context.
 */
class context_module extends context {
    /**
     * A course module's context.
     *
     * @param int $cmid the course module
     * @return static
     */
    public static function instance($cmid) {
        global $DB;
        $context = static::of(CONTEXT_MODULE, (int) $cmid);
        $context->courseid = (int) $DB->get_field('course_modules', 'course', ['id' => $cmid], MUST_EXIST);
        return $context;
    }
}
