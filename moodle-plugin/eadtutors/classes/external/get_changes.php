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
 * Web service: the changes recorded since a cursor.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\external;

use core_external\external_api;
use core_external\external_function_parameters;
use core_external\external_multiple_structure;
use core_external\external_single_structure;
use core_external\external_value;
use local_eadtutors\local\change_log;

/**
 * local_eadtutors_get_changes: the readable changes after the cursor, oldest first, for the EAD service's incremental
 * sync. With limit 0, only the cursors (what a full sync starts from). A change is readable once it has settled (the
 * plugin's settle window); horizon is the highest change no longer available: a reader whose cursor is below it must
 * read everything.
 */
final class get_changes extends external_api {
    /** The largest page. */
    private const MAX_LIMIT = 5000;

    /**
     * Parameters.
     *
     * @return external_function_parameters
     */
    public static function execute_parameters(): external_function_parameters {
        return new external_function_parameters([
            'cursor' => new external_value(PARAM_INT, 'The last change already read; 0 from the start', VALUE_DEFAULT, 0),
            'limit' => new external_value(
                PARAM_INT,
                'How many changes at most, up to 5000 (0: none, only the cursors)',
                VALUE_DEFAULT,
                1000
            ),
        ]);
    }

    /**
     * The changes after the cursor.
     *
     * @param int $cursor the last change already read
     * @param int $limit how many at most, up to 5000
     * @return array
     */
    public static function execute(int $cursor = 0, int $limit = 1000): array {
        $params = self::validate_parameters(self::execute_parameters(), ['cursor' => $cursor, 'limit' => $limit]);
        $context = \context_system::instance();
        self::validate_context($context);
        require_capability('local/eadtutors:readchanges', $context);
        if ($params['cursor'] < 0 || $params['limit'] < 0 || $params['limit'] > self::MAX_LIMIT) {
            throw new \invalid_parameter_exception('cursor >= 0 and limit between 0 and ' . self::MAX_LIMIT);
        }
        return change_log::create()->since($params['cursor'], $params['limit']);
    }

    /**
     * What it returns.
     *
     * @return external_single_structure
     */
    public static function execute_returns(): external_single_structure {
        return new external_single_structure([
            'changes' => new external_multiple_structure(new external_single_structure([
                'id' => new external_value(PARAM_INT, 'The change\'s cursor'),
                'kind' => new external_value(PARAM_ALPHANUMEXT, 'role_assigned, role_unassigned, course_created, ' .
                    'course_updated, course_deleted, category_created, category_updated, category_deleted, ' .
                    'course_module_created, course_module_updated, course_module_deleted, user_updated or user_deleted'),
                'courseid' => new external_value(PARAM_INT, 'The course, 0 when none'),
                'userid' => new external_value(PARAM_INT, 'The user (authors and tutors only), 0 when none'),
                'roleid' => new external_value(PARAM_INT, 'The role, 0 when none'),
                'categoryid' => new external_value(PARAM_INT, 'The category, 0 when none'),
                'cmid' => new external_value(PARAM_INT, 'The course module, 0 when none'),
                'timecreated' => new external_value(PARAM_INT, 'When it was recorded'),
            ])),
            'cursor' => new external_value(PARAM_INT, 'The cursor to ask from next time'),
            'latest' => new external_value(PARAM_INT, 'The latest change readable now'),
            'more' => new external_value(PARAM_BOOL, 'Whether readable changes remain after this page'),
            'horizon' => new external_value(PARAM_INT, 'The highest change no longer available (purged, deleted for ' .
                'privacy), 0 when none: a cursor below it must read everything'),
        ]);
    }
}
