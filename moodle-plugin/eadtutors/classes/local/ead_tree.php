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
 * The EAD tree (the categories of the EAD catalogue) and its staff roles, read from Moodle's own tables.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Answers, from Moodle's tables only, whether a category or a course is in the EAD tree (the subtrees of the root
 * categories set in the plugin's settings, the same as the service's MOODLE_CATEGORY_ROOTS; none set: every category),
 * whether a role is a staff role (author or tutor: the plugin's setting, by default the roles of the editingteacher and
 * teacher archetypes) and whether a user holds a staff role in a course of the tree.
 */
final class ead_tree {
    /** The archetypes whose roles are staff roles by default (authors: editingteacher; tutors: teacher). */
    public const STAFF_ARCHETYPES = ['editingteacher', 'teacher'];

    /** @var \moodle_database The database. */
    private \moodle_database $db;
    /** @var int[] The root categories; empty: every category. */
    private array $roots;
    /** @var int[] The staff roles. */
    private array $staffroles;

    /**
     * Constructor.
     *
     * @param \moodle_database $db the database
     * @param int[] $roots the root categories of the EAD tree (empty: every category)
     * @param int[] $staffroles the roles of authors and tutors
     */
    public function __construct(\moodle_database $db, array $roots, array $staffroles) {
        $this->db = $db;
        $this->roots = array_values(array_unique(array_filter(array_map('intval', $roots), static fn(int $id): bool => $id > 0)));
        $this->staffroles = array_values(array_unique(array_filter(
            array_map('intval', $staffroles),
            static fn(int $id): bool => $id > 0
        )));
    }

    /**
     * The tree as the plugin's settings say.
     *
     * @return self
     */
    public static function create(): self {
        global $DB;
        $roots = self::ids((string) get_config('local_eadtutors', 'categoryroots'));
        $roles = get_config('local_eadtutors', 'staffroles');
        if ($roles === false) {
            // Not saved yet (the settings page sets it on install): the same default, the archetypes' roles.
            $staffroles = [];
            foreach (self::STAFF_ARCHETYPES as $archetype) {
                $staffroles = array_merge($staffroles, array_keys(get_archetype_roles($archetype)));
            }
        } else {
            $staffroles = self::ids((string) $roles);
        }
        return new self($DB, $roots, $staffroles);
    }

    /**
     * The ids of a comma-separated list.
     *
     * @param string $list the list
     * @return int[]
     */
    private static function ids(string $list): array {
        return array_map('intval', array_filter(array_map('trim', explode(',', $list)), 'ctype_digit'));
    }

    /**
     * Whether a category path (/1/5/12) is in the tree.
     *
     * @param string $path the category's path
     * @return bool
     */
    public function contains_path(string $path): bool {
        if ($this->roots === []) {
            return true;
        }
        return array_intersect($this->roots, array_map('intval', explode('/', trim($path, '/')))) !== [];
    }

    /**
     * Whether a category is in the tree.
     *
     * @param int $categoryid the category
     * @return bool
     */
    public function contains_category(int $categoryid): bool {
        $path = $this->db->get_field('course_categories', 'path', ['id' => $categoryid]);
        return $path !== false && $this->contains_path((string) $path);
    }

    /**
     * Whether a course is in the tree.
     *
     * @param int $courseid the course
     * @return bool
     */
    public function contains_course(int $courseid): bool {
        [$tree, $params] = $this->tree_sql('cc');
        return $this->db->record_exists_sql('SELECT 1 FROM {course} c JOIN {course_categories} cc ON cc.id = c.category ' .
            "WHERE c.id = :courseid AND $tree", $params + ['courseid' => $courseid]);
    }

    /**
     * Whether a role is a staff role.
     *
     * @param int $roleid the role
     * @return bool
     */
    public function is_staff_role(int $roleid): bool {
        return in_array($roleid, $this->staffroles, true);
    }

    /**
     * Whether a user holds a staff role in a course of the tree: one indexed query on role_assignments.
     *
     * @param int $userid the user
     * @return bool
     */
    public function is_staff(int $userid): bool {
        if ($userid <= 0 || $this->staffroles === []) {
            return false;
        }
        [$roles, $roleparams] = $this->db->get_in_or_equal($this->staffroles, SQL_PARAMS_NAMED, 'staffrole');
        [$tree, $treeparams] = $this->tree_sql('cc');
        return $this->db->record_exists_sql(
            'SELECT 1 FROM {role_assignments} ra ' .
            'JOIN {context} ctx ON ctx.id = ra.contextid AND ctx.contextlevel = :courselevel ' .
            'JOIN {course} c ON c.id = ctx.instanceid ' .
            'JOIN {course_categories} cc ON cc.id = c.category ' .
            "WHERE ra.userid = :userid AND ra.roleid $roles AND $tree",
            $roleparams + $treeparams + ['courselevel' => CONTEXT_COURSE, 'userid' => $userid]
        );
    }

    /**
     * The SQL condition that a category (by its alias) is in the tree.
     *
     * @param string $alias the alias of course_categories
     * @return array [sql, params]
     */
    private function tree_sql(string $alias): array {
        if ($this->roots === []) {
            return ['1 = 1', []];
        }
        $conditions = [];
        $params = [];
        foreach ($this->roots as $i => $root) {
            $conditions[] = $this->db->sql_like($this->db->sql_concat("$alias.path", "'/'"), ':eadroot' . $i);
            $params['eadroot' . $i] = '%/' . $root . '/%';
        }
        return ['(' . implode(' OR ', $conditions) . ')', $params];
    }
}
