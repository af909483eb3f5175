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
 * What of Moodle's changes goes into the change log for the EAD service.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Decides which changes the EAD service needs, and records those only:
 * - role changes in a course of the EAD tree; a learner's (any non-staff role) without naming them (userid 0): the
 *   service only learns that the course's enrolments changed;
 * - courses created, updated or deleted in the tree, and any course moved to another category (it may have left it);
 * - categories: created or deleted in the tree; every update (a rename, a move, a hide or show may take it out of the
 *   tree or bring it in);
 * - course modules created, updated or deleted in a course of the tree (editing an activity touches no course field);
 * - user updates and deletions of the EAD's authors and tutors only: a learner's profile change records nothing.
 * It also forgets the cached staff decisions that a change may alter.
 */
final class change_feed {
    /** @var change_log The log. */
    private change_log $log;
    /** @var ead_tree The tree. */
    private ead_tree $tree;

    /**
     * Constructor.
     *
     * @param change_log $log the log
     * @param ead_tree $tree the tree
     */
    public function __construct(change_log $log, ead_tree $tree) {
        $this->log = $log;
        $this->tree = $tree;
    }

    /**
     * The feed as the site is configured.
     *
     * @return self
     */
    public static function create(): self {
        return new self(change_log::create(), ead_tree::create());
    }

    /**
     * A role assigned or unassigned.
     *
     * @param string $kind role_assigned or role_unassigned
     * @param int $contextlevel the level of the context of the assignment
     * @param int $instanceid the instance of that context (the course, for a course context)
     * @param int $userid the user
     * @param int $roleid the role
     */
    public function role(string $kind, int $contextlevel, int $instanceid, int $userid, int $roleid): void {
        staff_status::forget($userid);
        if ($contextlevel !== CONTEXT_COURSE || !$this->tree->contains_course($instanceid)) {
            return;
        }
        $this->log->record($kind, $instanceid, $this->tree->is_staff_role($roleid) ? $userid : 0, $roleid);
    }

    /**
     * A course created or updated.
     *
     * @param string $kind course_created or course_updated
     * @param int $courseid the course
     * @param bool $moved whether its category changed (it may have left the tree)
     */
    public function course(string $kind, int $courseid, bool $moved): void {
        if ($moved) {
            staff_status::forget_all();
        }
        if ($moved || $this->tree->contains_course($courseid)) {
            $this->log->record($kind, $courseid);
        }
    }

    /**
     * A course deleted.
     *
     * @param int $courseid the course
     * @param int $categoryid its category when it was deleted (0 when unknown)
     */
    public function course_deleted(int $courseid, int $categoryid): void {
        staff_status::forget_all();
        if ($categoryid <= 0 || $this->tree->contains_category($categoryid)) {
            $this->log->record('course_deleted', $courseid);
        }
    }

    /**
     * A category created, updated (renamed, moved, shown, hidden) or deleted.
     *
     * @param string $kind category_created, category_updated or category_deleted
     * @param int $categoryid the category
     * @param string|null $path its path when it is gone (deleted), null to read it
     */
    public function category(string $kind, int $categoryid, ?string $path = null): void {
        if ($kind !== 'category_created') {
            staff_status::forget_all();
        }
        $intree = $path === null ? $this->tree->contains_category($categoryid) : $this->tree->contains_path($path);
        if ($kind === 'category_updated' || $intree) {
            $this->log->record($kind, 0, 0, 0, $categoryid);
        }
    }

    /**
     * A course module created, updated or deleted.
     *
     * @param string $kind course_module_created, course_module_updated or course_module_deleted
     * @param int $courseid its course
     * @param int $cmid the course module
     */
    public function course_module(string $kind, int $courseid, int $cmid): void {
        if ($this->tree->contains_course($courseid)) {
            $this->log->record($kind, $courseid, 0, 0, 0, $cmid);
        }
    }

    /**
     * A user's profile updated: recorded for the EAD's authors and tutors only.
     *
     * @param int $userid the user
     */
    public function user_updated(int $userid): void {
        if ($this->tree->is_staff($userid)) {
            $this->log->record('user_updated', 0, $userid);
        }
    }

    /**
     * A user deleted: recorded when the log names them. Moodle unassigns a deleted user's roles first, and the log
     * records those role changes with the user's id only for staff roles in the tree: so only staff are recorded.
     *
     * @param int $userid the user
     */
    public function user_deleted(int $userid): void {
        staff_status::forget($userid);
        if ($this->log->names_user($userid)) {
            $this->log->record('user_deleted', 0, $userid);
        }
    }
}
