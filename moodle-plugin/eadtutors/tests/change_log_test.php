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
 * Tests of the change log's cursor: paging, the settle window, the horizon.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\change_log;
use local_eadtutors\task\purge_changes;

/**
 * The log on the database, with a clock the tests move.
 *
 * @covers \local_eadtutors\local\change_log
 */
final class change_log_test extends \advanced_testcase {
    /** @var int The time of the clock. */
    private int $now = 1800000000;

    /**
     * The log with the test's clock and a settle window of 10 s.
     *
     * @return change_log
     */
    private function log(): change_log {
        global $DB;
        return new change_log($DB, fn(): int => $this->now, 10);
    }

    /**
     * Test: a change is readable only once it has settled.
     */
    public function test_a_change_is_readable_only_once_it_has_settled(): void {
        $this->resetAfterTest();
        $log = $this->log();
        $log->record('course_updated', 12);
        $this->now += 9;
        $page = $log->since(0, 100);
        $this->assertSame([], $page['changes']);
        $this->assertSame(0, $page['cursor']);
        $this->assertSame(0, $page['latest']);
        $this->assertFalse($page['more']);

        $this->now += 1;
        $page = $log->since(0, 100);
        $this->assertCount(1, $page['changes']);
        $change = $page['changes'][0];
        $this->assertSame(['kind' => 'course_updated', 'courseid' => 12, 'userid' => 0, 'roleid' => 0, 'categoryid' => 0,
            'cmid' => 0, 'timecreated' => 1800000000], array_diff_key($change, ['id' => 0]));
        $this->assertSame($change['id'], $page['cursor']);
        $this->assertSame($change['id'], $page['latest']);
        $this->assertSame(0, $page['horizon']);
    }

    /**
     * Test: a page never goes past a change that has not settled, even when later ones have: a row whose id was taken
     * first but that was committed last is never skipped.
     */
    public function test_a_page_never_goes_past_a_change_that_has_not_settled(): void {
        global $DB;
        $this->resetAfterTest();
        $log = $this->log();
        $log->record('course_updated', 1);
        // A row committed late: its id comes before the next one's, its time after.
        $late = $DB->insert_record(change_log::TABLE, (object) ['kind' => 'course_updated', 'courseid' => 2, 'userid' => 0,
            'roleid' => 0, 'categoryid' => 0, 'cmid' => 0, 'timecreated' => $this->now + 5]);
        $DB->insert_record(change_log::TABLE, (object) ['kind' => 'course_updated', 'courseid' => 3, 'userid' => 0,
            'roleid' => 0, 'categoryid' => 0, 'cmid' => 0, 'timecreated' => $this->now]);
        $this->now += 10;

        $page = $log->since(0, 100);
        $this->assertSame([1], array_column($page['changes'], 'courseid'));
        $this->assertSame($late - 1, $page['cursor']);
        $this->assertSame($late - 1, $page['latest']);
        $this->assertFalse($page['more']);

        $this->now += 5;
        $page = $log->since($page['cursor'], 100);
        $this->assertSame([2, 3], array_column($page['changes'], 'courseid'));
    }

    /**
     * Test: pages follow one another up to the latest readable change.
     */
    public function test_pages_follow_one_another_up_to_the_latest_readable_change(): void {
        $this->resetAfterTest();
        $log = $this->log();
        foreach (range(1, 5) as $course) {
            $log->record('course_updated', $course);
        }
        $this->now += 60;
        $first = $log->since(0, 2);
        $this->assertSame([1, 2], array_column($first['changes'], 'courseid'));
        $this->assertTrue($first['more']);
        $second = $log->since($first['cursor'], 2);
        $this->assertSame([3, 4], array_column($second['changes'], 'courseid'));
        $this->assertTrue($second['more']);
        $third = $log->since($second['cursor'], 2);
        $this->assertSame([5], array_column($third['changes'], 'courseid'));
        $this->assertFalse($third['more']);
        $this->assertSame($third['latest'], $third['cursor']);

        $nothing = $log->since($third['cursor'], 2);
        $this->assertSame([], $nothing['changes']);
        $this->assertSame($third['cursor'], $nothing['cursor']);
    }

    /**
     * Test: with limit 0 only the cursors come back, the cursor being the latest readable change.
     */
    public function test_with_limit_0_only_the_cursors_come_back(): void {
        $this->resetAfterTest();
        $log = $this->log();
        $log->record('course_updated', 1);
        $log->record('course_updated', 2);
        $this->now += 10;
        $log->record('course_updated', 3);
        $page = $log->since(0, 0);
        $this->assertSame([], $page['changes']);
        $readable = $log->since(0, 10)['changes'];
        $this->assertSame([1, 2], array_column($readable, 'courseid'));
        $this->assertSame($readable[1]['id'], $page['latest']);
        $this->assertSame($page['latest'], $page['cursor']);
        $this->assertFalse($page['more']);
    }

    /**
     * Test: the same change recorded again before it settles is kept once; once read, it is recorded again.
     */
    public function test_the_same_change_is_kept_once_until_it_settles(): void {
        global $DB;
        $this->resetAfterTest();
        $log = $this->log();
        foreach (range(1, 30) as $learner) {
            $log->record('role_assigned', 12, 0, 5);
        }
        $log->record('role_assigned', 12, 0, 4);
        $this->assertSame(2, $DB->count_records(change_log::TABLE));
        $this->now += 10;
        $this->assertSame([5, 4], array_column($log->since(0, 100)['changes'], 'roleid'));
        $log->record('role_assigned', 12, 0, 5);
        $this->now += 10;
        $this->assertCount(3, $log->since(0, 100)['changes']);
    }

    /**
     * Test: the purge forgets old changes and moves the horizon past them.
     */
    public function test_the_purge_forgets_old_changes_and_moves_the_horizon_past_them(): void {
        $this->resetAfterTest();
        $log = $this->log();
        $log->record('course_updated', 1);
        $log->record('course_updated', 2);
        $this->now += 31 * DAYSECS;
        $log->record('course_updated', 3);
        $this->now += 10;
        $before = $log->since(0, 100);
        $purged = $before['changes'][1]['id'];

        $log->purge($this->now - purge_changes::RETENTION_DAYS * DAYSECS);
        $after = $log->since(0, 100);
        $this->assertSame($purged, $after['horizon']);
        $this->assertSame([3], array_column($after['changes'], 'courseid'));
        $this->assertSame($before['latest'], $after['latest']);

        // Nothing more to purge: the horizon stays.
        $log->purge($this->now - purge_changes::RETENTION_DAYS * DAYSECS);
        $this->assertSame($purged, $log->horizon());
    }

    /**
     * Test: forgetting a user moves the horizon to the highest change that named them, and never back.
     */
    public function test_forgetting_a_user_moves_the_horizon_and_never_back(): void {
        $this->resetAfterTest();
        $log = $this->log();
        $log->record('role_assigned', 10, 501, 4);
        $log->record('user_updated', 0, 501);
        $log->record('role_assigned', 10, 502, 4);
        $this->now += 10;
        $ids = array_column($log->since(0, 100)['changes'], 'id');

        $log->forget_user(502);
        $this->assertSame($ids[2], $log->horizon());
        $log->forget_user(501);
        $this->assertSame($ids[2], $log->horizon(), 'the horizon never goes back');
        $this->assertSame([], $log->since(0, 100)['changes']);
        $this->assertFalse($log->names_user(501));

        $log->forget_user(999);
        $this->assertSame($ids[2], $log->horizon());
    }

    /**
     * Test: the purge task forgets what is older than the retention.
     */
    public function test_the_purge_task_forgets_what_is_older_than_the_retention(): void {
        global $DB;
        $this->resetAfterTest();
        $old = $DB->insert_record(change_log::TABLE, (object) ['kind' => 'course_updated', 'courseid' => 1, 'userid' => 0,
            'roleid' => 0, 'categoryid' => 0, 'cmid' => 0, 'timecreated' => time() - 31 * DAYSECS]);
        $DB->insert_record(change_log::TABLE, (object) ['kind' => 'course_updated', 'courseid' => 2, 'userid' => 0,
            'roleid' => 0, 'categoryid' => 0, 'cmid' => 0, 'timecreated' => time() - 29 * DAYSECS]);
        (new purge_changes())->execute();
        $this->assertSame([2], array_map('intval', $DB->get_fieldset_sql('SELECT courseid FROM {local_eadtutors_change}')));
        $this->assertSame($old, (int) get_config('local_eadtutors', 'horizon'));
    }
}
