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
 *
 * Two guarantees for the reader:
 * - a change is readable only once it has settled (recorded at least `settle` seconds ago), and a page never goes past
 *   a change that has not settled yet: a row whose id was taken before another's but committed after it is never
 *   skipped by a cursor;
 * - the horizon is the highest id that is no longer available (purged by age, deleted for privacy): a reader whose
 *   cursor is below it has missed changes and must read everything.
 */
final class change_log {
    /** The table. */
    public const TABLE = 'local_eadtutors_change';

    /** The plugin setting that keeps the horizon. */
    private const HORIZON = 'horizon';

    /** @var \moodle_database The database. */
    private \moodle_database $db;
    /** @var \Closure(): int The clock. */
    private \Closure $clock;
    /** @var int Seconds a change waits before it is readable. */
    private int $settle;

    /**
     * Constructor.
     *
     * @param \moodle_database $db the database
     * @param \Closure $clock returns the time in seconds
     * @param int $settle seconds a change waits before it is readable
     */
    public function __construct(\moodle_database $db, \Closure $clock, int $settle) {
        $this->db = $db;
        $this->clock = $clock;
        $this->settle = max(0, $settle);
    }

    /**
     * The log on the site's database, clock and settle window.
     *
     * @return self
     */
    public static function create(): self {
        global $DB;
        $settle = get_config('local_eadtutors', 'settle');
        return new self($DB, static fn(): int => time(), $settle === false ? 10 : (int) $settle);
    }

    /**
     * Records one change, unless the same change is already recorded and not yet readable (the reader will read that
     * one after this change happened: many learners enrolled at once cost one row).
     *
     * @param string $kind one of the kinds of the change feed
     * @param int $courseid the course, 0 when none
     * @param int $userid the user, 0 when none
     * @param int $roleid the role, 0 when none
     * @param int $categoryid the category, 0 when none
     * @param int $cmid the course module, 0 when none
     */
    public function record(
        string $kind,
        int $courseid,
        int $userid = 0,
        int $roleid = 0,
        int $categoryid = 0,
        int $cmid = 0
    ): void {
        $now = ($this->clock)();
        $change = [
            'kind' => $kind,
            'courseid' => $courseid,
            'userid' => $userid,
            'roleid' => $roleid,
            'categoryid' => $categoryid,
            'cmid' => $cmid,
        ];
        $pending = $this->db->record_exists_select(
            self::TABLE,
            'kind = :kind AND courseid = :courseid AND userid = :userid ' .
            'AND roleid = :roleid AND categoryid = :categoryid AND cmid = :cmid AND timecreated > :settled',
            $change + ['settled' => $now - $this->settle]
        );
        if (!$pending) {
            $this->db->insert_record(self::TABLE, (object) ($change + ['timecreated' => $now]));
        }
    }

    /**
     * The readable changes after a cursor.
     *
     * @param int $cursor the last change already read (0: from the start)
     * @param int $limit how many at most (0: none, only the cursors)
     * @return array{changes: array, cursor: int, latest: int, more: bool, horizon: int}
     */
    public function since(int $cursor, int $limit): array {
        $end = $this->readable_end();
        $latest = (int) $this->db->get_field_sql(
            'SELECT COALESCE(MAX(id), 0) FROM {' . self::TABLE . '} WHERE id < :end',
            ['end' => $end]
        );
        $changes = [];
        if ($limit > 0) {
            $records = $this->db->get_records_select(
                self::TABLE,
                'id > :cursor AND id < :end',
                ['cursor' => $cursor, 'end' => $end],
                'id ASC',
                'id, kind, courseid, userid, roleid, categoryid, cmid, timecreated',
                0,
                $limit
            );
            foreach ($records as $r) {
                $changes[] = [
                    'id' => (int) $r->id,
                    'kind' => (string) $r->kind,
                    'courseid' => (int) $r->courseid,
                    'userid' => (int) $r->userid,
                    'roleid' => (int) $r->roleid,
                    'categoryid' => (int) $r->categoryid,
                    'cmid' => (int) $r->cmid,
                    'timecreated' => (int) $r->timecreated,
                ];
            }
        }
        if ($changes !== []) {
            $next = end($changes)['id'];
        } else {
            $next = $limit <= 0 ? max($cursor, $latest) : $cursor;
        }
        return [
            'changes' => $changes,
            'cursor' => $next,
            'latest' => $latest,
            'more' => $next < $latest,
            'horizon' => $this->horizon(),
        ];
    }

    /**
     * The first id that is not readable yet: the oldest change that has not settled (PHP_INT_MAX when all have).
     *
     * @return int
     */
    private function readable_end(): int {
        $unsettled = $this->db->get_field_sql(
            'SELECT MIN(id) FROM {' . self::TABLE . '} WHERE timecreated > :settled',
            ['settled' => ($this->clock)() - $this->settle]
        );
        return $unsettled === false || $unsettled === null ? PHP_INT_MAX : (int) $unsettled;
    }

    /**
     * The highest change id no longer available; 0 when nothing was ever lost.
     *
     * @return int
     */
    public function horizon(): int {
        return (int) get_config('local_eadtutors', self::HORIZON);
    }

    /**
     * Forgets the changes recorded before a moment (the retention).
     *
     * @param int $before seconds since the epoch
     */
    public function purge(int $before): void {
        $this->forget('timecreated < :before', ['before' => $before]);
    }

    /**
     * Forgets the changes naming a user (privacy).
     *
     * @param int $userid the user
     */
    public function forget_user(int $userid): void {
        $this->forget('userid = :userid', ['userid' => $userid]);
    }

    /**
     * Forgets every change (privacy, the whole context).
     */
    public function forget_all(): void {
        $this->forget('id > 0', []);
    }

    /**
     * Whether a change names the user (the log names only users who hold a staff role in the EAD tree).
     *
     * @param int $userid the user
     * @return bool
     */
    public function names_user(int $userid): bool {
        return $this->db->record_exists(self::TABLE, ['userid' => $userid]);
    }

    /**
     * Deletes changes and moves the horizon past them first, so that no reader ever misses them unknowingly.
     *
     * @param string $select which changes
     * @param array $params its parameters
     */
    private function forget(string $select, array $params): void {
        $highest = (int) $this->db->get_field_sql(
            'SELECT COALESCE(MAX(id), 0) FROM {' . self::TABLE . '} WHERE ' . $select,
            $params
        );
        if ($highest === 0) {
            return;
        }
        if ($highest > $this->horizon()) {
            set_config(self::HORIZON, $highest, 'local_eadtutors');
        }
        $this->db->delete_records_select(self::TABLE, $select . ' AND id <= :highest', $params + ['highest' => $highest]);
    }
}
