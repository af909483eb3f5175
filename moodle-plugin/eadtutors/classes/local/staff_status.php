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
 * Whether a user is one of the EAD's authors or tutors, decided locally and cached.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * The decision « this user is a vacataire » that the navigation, the page and the actions share: the user holds a staff
 * role in a course of the EAD tree. It is read from Moodle's tables (one query), cached per user in the application
 * cache `staff`, and forgotten when a role of that user changes, or for everyone when a course or a category moves or the
 * settings change. The EAD service is never asked, so a page never waits on it and only vacataires' ids ever reach it.
 */
final class staff_status {
    /** @var ead_tree The tree. */
    private ead_tree $tree;
    /** @var \cache The cache. */
    private \cache $cache;

    /**
     * Constructor.
     *
     * @param ead_tree $tree the tree
     * @param \cache $cache the cache of decisions
     */
    public function __construct(ead_tree $tree, \cache $cache) {
        $this->tree = $tree;
        $this->cache = $cache;
    }

    /**
     * The decisions as the site is configured.
     *
     * @return self
     */
    public static function create(): self {
        return new self(ead_tree::create(), self::cache());
    }

    /**
     * The cache of decisions.
     *
     * @return \cache
     */
    private static function cache(): \cache {
        return \cache::make('local_eadtutors', 'staff');
    }

    /**
     * Whether the user is one of the EAD's authors or tutors.
     *
     * @param int $userid the user
     * @return bool
     */
    public function is_staff(int $userid): bool {
        if ($userid <= 0) {
            return false;
        }
        $known = $this->cache->get($userid);
        if ($known !== false) {
            return $known === 1;
        }
        $staff = $this->tree->is_staff($userid);
        $this->cache->set($userid, $staff ? 1 : 0);
        return $staff;
    }

    /**
     * Forgets the decision for a user (a role of theirs changed).
     *
     * @param int $userid the user
     */
    public static function forget(int $userid): void {
        self::cache()->delete($userid);
    }

    /**
     * Forgets every decision (a course or a category moved, the settings changed).
     */
    public static function forget_all(): void {
        self::cache()->purge();
    }
}
