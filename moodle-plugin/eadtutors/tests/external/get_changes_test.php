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
 * Tests of the web service the EAD service reads: its shape is the contract between the plugin and the service.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\external;

use core_external\external_api;
use local_eadtutors\local\change_log;

/**
 * local_eadtutors_get_changes answers every key of the contract, pages, and refuses bad input and users without
 * local/eadtutors:readchanges.
 *
 * @covers \local_eadtutors\external\get_changes
 */
final class get_changes_test extends \advanced_testcase {
    /**
     * Records a settled change.
     *
     * @param array $change the change's fields
     * @return int its id
     */
    private function settled(array $change): int {
        global $DB;
        return $DB->insert_record(change_log::TABLE, (object) ($change + ['courseid' => 0, 'userid' => 0, 'roleid' => 0,
            'categoryid' => 0, 'cmid' => 0, 'timecreated' => time() - 60]));
    }

    /**
     * Test: the answer has every key of the contract, with its type.
     */
    public function test_the_answer_has_every_key_of_the_contract(): void {
        $this->resetAfterTest();
        $this->setAdminUser();
        $first = $this->settled(['kind' => 'course_module_updated', 'courseid' => 12, 'cmid' => 345]);
        $second = $this->settled(['kind' => 'category_updated', 'categoryid' => 7]);
        $this->settled(['kind' => 'course_updated', 'courseid' => 12, 'timecreated' => time()]);

        $answer = external_api::clean_returnvalue(get_changes::execute_returns(), get_changes::execute(0, 1));
        $this->assertSame([['id' => $first, 'kind' => 'course_module_updated', 'courseid' => 12, 'userid' => 0, 'roleid' => 0,
            'categoryid' => 0, 'cmid' => 345, 'timecreated' => time() - 60]], $answer['changes']);
        $this->assertSame($first, $answer['cursor']);
        $this->assertSame($second, $answer['latest'], 'the change of a moment ago has not settled');
        $this->assertTrue($answer['more']);
        $this->assertSame(0, $answer['horizon']);

        $next = external_api::clean_returnvalue(get_changes::execute_returns(), get_changes::execute($first, 1000));
        $this->assertSame([7], array_column($next['changes'], 'categoryid'));
        $this->assertFalse($next['more']);

        $cursors = external_api::clean_returnvalue(get_changes::execute_returns(), get_changes::execute(0, 0));
        $this->assertSame(
            ['changes' => [], 'cursor' => $second, 'latest' => $second, 'more' => false, 'horizon' => 0],
            $cursors
        );
    }

    /**
     * Bad parameters.
     *
     * @return array
     */
    public static function bad_parameters(): array {
        return [
            'negative cursor' => [-1, 10],
            'negative limit' => [0, -1],
            'limit over 5000' => [0, 5001],
        ];
    }

    /**
     * Test: bad parameters are refused.
     *
     * @dataProvider bad_parameters
     * @param int $cursor the cursor
     * @param int $limit the limit
     */
    public function test_bad_parameters_are_refused(int $cursor, int $limit): void {
        $this->resetAfterTest();
        $this->setAdminUser();
        $this->expectException(\invalid_parameter_exception::class);
        get_changes::execute($cursor, $limit);
    }

    /**
     * Test: a user without local/eadtutors:readchanges is refused.
     */
    public function test_a_user_without_the_capability_is_refused(): void {
        $this->resetAfterTest();
        $this->setUser($this->getDataGenerator()->create_user());
        $this->expectException(\required_capability_exception::class);
        get_changes::execute(0, 10);
    }
}
