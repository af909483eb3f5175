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
 * The record of what changed in Moodle, read by the EAD service.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Records changes and reads them back by cursor (the id), oldest first.
 */
final class change_log {
    /** The table. */
    public const TABLE = 'local_eadtutors_change';

    /** @var \moodle_database The database. */
    private \moodle_database $db;
    /** @var \Closure(): int The clock. */
    private \Closure $clock;

    /**
     * Constructor.
     *
     * @param \moodle_database $db the database
     * @param \Closure $clock returns the time in seconds
     */
    public function __construct(\moodle_database $db, \Closure $clock) {
        $this->db = $db;
        $this->clock = $clock;
    }

    /**
     * The log on the site's database and clock.
     *
     * @return self
     */
    public static function create(): self {
        global $DB;
        return new self($DB, static fn(): int => time());
    }

    /**
     * Records one change.
     *
     * @param string $kind role_assigned, role_unassigned, course_created, course_updated, course_deleted, user_updated, user_deleted
     * @param int $courseid the course, 0 when none
     * @param int $userid the user, 0 when none
     * @param int $roleid the role, 0 when none
     */
    public function record(string $kind, int $courseid, int $userid, int $roleid): void {
        $this->db->insert_record(self::TABLE, (object) [
            'kind' => $kind,
            'courseid' => $courseid,
            'userid' => $userid,
            'roleid' => $roleid,
            'timecreated' => ($this->clock)(),
        ]);
    }

    /**
     * The changes after a cursor.
     *
     * @param int $cursor the last change already read (0: from the start)
     * @param int $limit how many at most
     * @return array{changes: array, cursor: int, latest: int, more: bool}
     */
    public function since(int $cursor, int $limit): array {
        $latest = (int) $this->db->get_field_sql('SELECT COALESCE(MAX(id), 0) FROM {' . self::TABLE . '}');
        $records = $limit <= 0 ? [] : $this->db->get_records_select(self::TABLE, 'id > :cursor', ['cursor' => $cursor], 'id ASC',
            'id, kind, courseid, userid, roleid, timecreated', 0, $limit);
        $changes = [];
        foreach ($records as $r) {
            $changes[] = ['id' => (int) $r->id, 'kind' => $r->kind, 'courseid' => (int) $r->courseid,
                'userid' => (int) $r->userid, 'roleid' => (int) $r->roleid, 'timecreated' => (int) $r->timecreated];
        }
        $last = $changes === [] ? max($cursor, $limit <= 0 ? $latest : $cursor) : end($changes)['id'];
        return ['changes' => $changes, 'cursor' => $last, 'latest' => $latest, 'more' => $last < $latest];
    }

    /**
     * Forgets the changes older than a moment.
     *
     * @param int $before seconds since the epoch
     * @return void
     */
    public function purge(int $before): void {
        $this->db->delete_records_select(self::TABLE, 'timecreated < :before', ['before' => $before]);
    }

    /**
     * Forgets a user's changes (privacy).
     *
     * @param int $userid the user
     * @return void
     */
    public function forget_user(int $userid): void {
        $this->db->delete_records(self::TABLE, ['userid' => $userid]);
    }
}
