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
 * Privacy provider: the data sent to the EAD service, and the change log kept here.
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
use core_privacy\local\request\contextlist;
use core_privacy\local\request\transform;
use core_privacy\local\request\userlist;
use core_privacy\local\request\writer;
use local_eadtutors\local\change_log;

/**
 * The plugin sends the Moodle user id (and the user's acknowledgements and answers) of the EAD's authors and tutors to
 * the EAD service, and keeps a log of changes for the service's sync (purged after 30 days) that names only them.
 */
final class provider implements
    \core_privacy\local\metadata\provider,
    \core_privacy\local\request\core_userlist_provider,
    \core_privacy\local\request\plugin\provider {
    /**
     * What the plugin stores and sends.
     *
     * @param collection $collection the collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        $collection->add_external_location_link('eadservice', [
            'userid' => 'privacy:metadata:eadservice:userid',
            'comment' => 'privacy:metadata:eadservice:comment',
            'answer' => 'privacy:metadata:eadservice:answer',
        ], 'privacy:metadata:eadservice');
        $collection->add_database_table(change_log::TABLE, [
            'kind' => 'privacy:metadata:change:kind',
            'courseid' => 'privacy:metadata:change:courseid',
            'userid' => 'privacy:metadata:change:userid',
            'roleid' => 'privacy:metadata:change:roleid',
            'categoryid' => 'privacy:metadata:change:categoryid',
            'cmid' => 'privacy:metadata:change:cmid',
            'timecreated' => 'privacy:metadata:change:timecreated',
        ], 'privacy:metadata:change');
        return $collection;
    }

    /**
     * The contexts holding the user's data: the system context, when the log names them.
     *
     * @param int $userid the user
     * @return contextlist
     */
    public static function get_contexts_for_userid(int $userid): contextlist {
        $list = new contextlist();
        $list->add_from_sql(
            'SELECT ctx.id FROM {context} ctx WHERE ctx.contextlevel = :level AND EXISTS ' .
            '(SELECT 1 FROM {' . change_log::TABLE . '} c WHERE c.userid = :userid)',
            ['level' => CONTEXT_SYSTEM, 'userid' => $userid]
        );
        return $list;
    }

    /**
     * The users with data in a context.
     *
     * @param userlist $userlist the list to fill
     */
    public static function get_users_in_context(userlist $userlist): void {
        if ($userlist->get_context()->contextlevel !== CONTEXT_SYSTEM) {
            return;
        }
        $userlist->add_from_sql('userid', 'SELECT userid FROM {' . change_log::TABLE . '} WHERE userid > 0', []);
    }

    /**
     * Exports the user's changes: what, in which course, with which role, when (a readable date), under a short folder.
     *
     * @param approved_contextlist $contextlist the contexts
     */
    public static function export_user_data(approved_contextlist $contextlist): void {
        global $DB;
        foreach ($contextlist->get_contexts() as $context) {
            if ($context->contextlevel !== CONTEXT_SYSTEM) {
                continue;
            }
            $records = $DB->get_records(
                change_log::TABLE,
                ['userid' => $contextlist->get_user()->id],
                'id ASC',
                'id, kind, courseid, roleid, timecreated'
            );
            if ($records === []) {
                continue;
            }
            $changes = array_map(static fn(\stdClass $r): array => [
                'change' => get_string('privacy:change:' . $r->kind, 'local_eadtutors'),
                'courseid' => (int) $r->courseid,
                'roleid' => (int) $r->roleid,
                'time' => transform::datetime((int) $r->timecreated),
            ], array_values($records));
            writer::with_context($context)->export_data(
                [get_string('privacy:changes', 'local_eadtutors')],
                (object) ['changes' => $changes]
            );
        }
    }

    /**
     * Deletes everyone's changes in a context (the horizon tells the EAD service to read everything once).
     *
     * @param \context $context the context
     */
    public static function delete_data_for_all_users_in_context(\context $context): void {
        if ($context->contextlevel === CONTEXT_SYSTEM) {
            change_log::create()->forget_all();
        }
    }

    /**
     * Deletes the user's changes.
     *
     * @param approved_contextlist $contextlist the contexts
     */
    public static function delete_data_for_user(approved_contextlist $contextlist): void {
        foreach ($contextlist->get_contexts() as $context) {
            if ($context->contextlevel === CONTEXT_SYSTEM) {
                change_log::create()->forget_user((int) $contextlist->get_user()->id);
            }
        }
    }

    /**
     * Deletes the changes of several users.
     *
     * @param approved_userlist $userlist the users
     */
    public static function delete_data_for_users(approved_userlist $userlist): void {
        if ($userlist->get_context()->contextlevel !== CONTEXT_SYSTEM) {
            return;
        }
        $log = change_log::create();
        foreach ($userlist->get_userids() as $userid) {
            $log->forget_user((int) $userid);
        }
    }
}
