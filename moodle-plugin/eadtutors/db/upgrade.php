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
 * Upgrade steps of the EAD tutors plugin.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

/**
 * Upgrades the plugin from an older version.
 *
 * @param int $oldversion the version installed
 * @return bool
 */
function xmldb_local_eadtutors_upgrade($oldversion) {
    global $DB;
    $dbman = $DB->get_manager();

    if ($oldversion < 2026120200) {
        // The change log names categories and course modules too.
        $table = new xmldb_table('local_eadtutors_change');
        $categoryid = new xmldb_field('categoryid', XMLDB_TYPE_INTEGER, '10', null, XMLDB_NOTNULL, null, '0', 'roleid');
        if (!$dbman->field_exists($table, $categoryid)) {
            $dbman->add_field($table, $categoryid);
        }
        $cmid = new xmldb_field('cmid', XMLDB_TYPE_INTEGER, '10', null, XMLDB_NOTNULL, null, '0', 'categoryid');
        if (!$dbman->field_exists($table, $cmid)) {
            $dbman->add_field($table, $cmid);
        }
        // Rows recorded before this version logged every course's role changes and every user's profile changes,
        // learners' included: they are forgotten, and the horizon tells the EAD service to read everything once.
        $highest = (int) $DB->get_field_sql('SELECT COALESCE(MAX(id), 0) FROM {local_eadtutors_change}');
        if ($highest > 0) {
            set_config('horizon', $highest, 'local_eadtutors');
            $DB->delete_records('local_eadtutors_change');
        }
        upgrade_plugin_savepoint(true, 2026120200, 'local', 'eadtutors');
    }

    return true;
}
