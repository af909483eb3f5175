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
 * Tests of the privacy provider.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\privacy;

use core_privacy\local\metadata\collection;
use core_privacy\local\request\approved_contextlist;
use core_privacy\local\request\approved_userlist;
use core_privacy\local\request\transform;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;
use local_eadtutors\local\change_log;

/**
 * The provider says what is sent to the EAD service, exports a user's changes readably, and deletes them with the
 * horizon moved so that the service reads everything once.
 *
 * @covers \local_eadtutors\privacy\provider
 */
final class provider_test extends \advanced_testcase {
    /**
     * Records a change.
     *
     * @param string $kind the kind
     * @param int $userid the user
     * @param int $courseid the course
     * @param int $roleid the role
     * @return int the id
     */
    private function change(string $kind, int $userid, int $courseid = 0, int $roleid = 0): int {
        global $DB;
        return $DB->insert_record(change_log::TABLE, (object) ['kind' => $kind, 'courseid' => $courseid, 'userid' => $userid,
            'roleid' => $roleid, 'categoryid' => 0, 'cmid' => 0, 'timecreated' => 1795000000]);
    }

    /**
     * Test: the metadata says that user ids are sent to the EAD service, and what the log keeps.
     */
    public function test_the_metadata_says_user_ids_are_sent_to_the_ead_service(): void {
        $items = provider::get_metadata(new collection('local_eadtutors'))->get_collection();
        $this->assertSame(['external_location', 'eadservice'], array_slice($items[0], 0, 2));
        $this->assertArrayHasKey('userid', $items[0][2]);
        $this->assertSame(['database_table', change_log::TABLE], array_slice($items[1], 0, 2));
        $this->assertSame(
            ['kind', 'courseid', 'userid', 'roleid', 'categoryid', 'cmid', 'timecreated'],
            array_keys($items[1][2])
        );
        foreach ($items as [, , $fields, $summary]) {
            foreach (array_merge([$summary], array_values($fields)) as $key) {
                $this->assertNotEmpty(get_string($key, 'local_eadtutors'));
            }
        }
    }

    /**
     * Test: a user's changes are exported with readable dates under a short folder.
     */
    public function test_a_users_changes_are_exported_with_readable_dates_under_a_short_folder(): void {
        $this->resetAfterTest();
        $user = $this->getDataGenerator()->create_user();
        $this->change('role_assigned', (int) $user->id, 12, 4);
        $this->change('user_updated', (int) $user->id);
        $this->change('role_assigned', 999, 12, 4);
        $this->change('role_assigned', 0, 12, 5);

        $contexts = provider::get_contexts_for_userid((int) $user->id);
        $this->assertSame([\context_system::instance()->id], $contexts->get_contextids());
        $this->assertSame([], provider::get_contexts_for_userid(12345)->get_contextids());

        force_current_language('fr');
        provider::export_user_data(new approved_contextlist($user, 'local_eadtutors', [\context_system::instance()]));
        force_current_language('en');
        $data = writer::with_context(\context_system::instance())->get_data(['Changements EAD']);
        $this->assertSame([
            ['change' => 'Rôle attribué dans un cours de l\'EAD', 'courseid' => 12, 'roleid' => 4,
                'time' => transform::datetime(1795000000)],
            ['change' => 'Profil modifié', 'courseid' => 0, 'roleid' => 0, 'time' => transform::datetime(1795000000)],
        ], $data->changes);
        $this->assertDoesNotMatchRegularExpression('/^\d+$/', $data->changes[0]['time']);
    }

    /**
     * Test: the users in the system context are those the log names (never learners: they are not named).
     */
    public function test_the_users_in_the_context_are_those_the_log_names(): void {
        $this->resetAfterTest();
        $this->change('role_assigned', 501, 12, 4);
        $this->change('role_assigned', 0, 12, 5);
        $list = new userlist(\context_system::instance(), 'local_eadtutors');
        provider::get_users_in_context($list);
        $this->assertSame([501], $list->get_userids());
        $course = new userlist(\context_course::instance($this->getDataGenerator()->create_course()->id), 'local_eadtutors');
        provider::get_users_in_context($course);
        $this->assertSame([], $course->get_userids());
    }

    /**
     * Test: deleting a user's data deletes their changes and moves the horizon.
     */
    public function test_deleting_a_users_data_moves_the_horizon(): void {
        $this->resetAfterTest();
        $user = (object) ['id' => 501];
        $mine = $this->change('role_assigned', 501, 12, 4);
        $other = $this->change('role_assigned', 502, 12, 4);
        provider::delete_data_for_user(new approved_contextlist($user, 'local_eadtutors', [\context_system::instance()]));
        $this->assertSame($mine, (new change_log($GLOBALS['DB'], static fn(): int => 1795000100, 10))->horizon());

        provider::delete_data_for_users(new approved_userlist(\context_system::instance(), 'local_eadtutors', [502]));
        $this->assertSame($other, (int) get_config('local_eadtutors', 'horizon'));
        global $DB;
        $this->assertSame(0, $DB->count_records(change_log::TABLE));
    }

    /**
     * Test: deleting everyone's data in the system context empties the log and moves the horizon past it.
     */
    public function test_deleting_everyones_data_empties_the_log(): void {
        global $DB;
        $this->resetAfterTest();
        $this->change('role_assigned', 501, 12, 4);
        $last = $this->change('course_updated', 0, 12);
        provider::delete_data_for_all_users_in_context(\context_course::instance($this->getDataGenerator()->create_course()->id));
        $this->assertSame(2, $DB->count_records(change_log::TABLE));
        provider::delete_data_for_all_users_in_context(\context_system::instance());
        $this->assertSame(0, $DB->count_records(change_log::TABLE));
        $this->assertSame($last, (int) get_config('local_eadtutors', 'horizon'));
    }
}
