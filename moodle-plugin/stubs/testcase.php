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
 * Moodle's test cases and data generator, on the stubbed site: the tables of Moodle's own schema the plugin reads
 * (their columns as in lib/db/install.xml), the plugin's table from its db/install.xml, and the rows a fresh Moodle site
 * holds (the site course, « Category 1 », the guest and the admin, the standard roles with their ids and archetypes).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable

/**
 * The stubbed site's database.
 */
final class stub_schema {
    /** The tables of Moodle's schema the plugin reads, as lib/db/install.xml defines these columns. */
    private const CORE = <<<'SQL'
        CREATE TABLE mdl_course_categories (id BIGSERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL DEFAULT '',
            parent BIGINT NOT NULL DEFAULT 0, path VARCHAR(255) NOT NULL DEFAULT '', depth BIGINT NOT NULL DEFAULT 0,
            visible SMALLINT NOT NULL DEFAULT 1);
        CREATE TABLE mdl_course (id BIGSERIAL PRIMARY KEY, category BIGINT NOT NULL DEFAULT 0,
            fullname VARCHAR(1333) NOT NULL DEFAULT '', shortname VARCHAR(255) NOT NULL DEFAULT '');
        CREATE TABLE mdl_course_modules (id BIGSERIAL PRIMARY KEY, course BIGINT NOT NULL DEFAULT 0,
            module BIGINT NOT NULL DEFAULT 0, instance BIGINT NOT NULL DEFAULT 0);
        CREATE TABLE mdl_context (id BIGSERIAL PRIMARY KEY, contextlevel BIGINT NOT NULL DEFAULT 0,
            instanceid BIGINT NOT NULL DEFAULT 0, path VARCHAR(255), depth SMALLINT NOT NULL DEFAULT 0);
        CREATE UNIQUE INDEX mdl_cont_conins_uix ON mdl_context (contextlevel, instanceid);
        CREATE TABLE mdl_role (id BIGSERIAL PRIMARY KEY, shortname VARCHAR(100) NOT NULL DEFAULT '',
            archetype VARCHAR(30) NOT NULL DEFAULT '');
        CREATE TABLE mdl_role_assignments (id BIGSERIAL PRIMARY KEY, roleid BIGINT NOT NULL DEFAULT 0,
            contextid BIGINT NOT NULL DEFAULT 0, userid BIGINT NOT NULL DEFAULT 0, component VARCHAR(100) NOT NULL DEFAULT '',
            itemid BIGINT NOT NULL DEFAULT 0, timemodified BIGINT NOT NULL DEFAULT 0);
        CREATE INDEX mdl_roleassi_use_ix ON mdl_role_assignments (userid);
        CREATE TABLE mdl_user (id BIGSERIAL PRIMARY KEY, username VARCHAR(100) NOT NULL DEFAULT '',
            firstname VARCHAR(100) NOT NULL DEFAULT '', lastname VARCHAR(100) NOT NULL DEFAULT '',
            deleted SMALLINT NOT NULL DEFAULT 0);
        SQL;

    /** The tables. */
    private const TABLES = ['mdl_course_categories', 'mdl_course', 'mdl_course_modules', 'mdl_context', 'mdl_role',
        'mdl_role_assignments', 'mdl_user', 'mdl_local_eadtutors_change'];

    /** The standard roles of a Moodle site: id => shortname (= archetype). */
    public const ROLES = [1 => 'manager', 2 => 'coursecreator', 3 => 'editingteacher', 4 => 'teacher', 5 => 'student',
        6 => 'guest', 7 => 'user', 8 => 'frontpage'];

    /**
     * Creates the tables.
     *
     * @param moodle_database $db the database
     */
    public static function create(moodle_database $db): void {
        $db->create_schema(self::CORE);
        $db->create_schema(self::from_xmldb(__DIR__ . '/../eadtutors/db/install.xml'));
    }

    /**
     * PostgreSQL DDL from an XMLDB file (int and char fields, primary keys, indexes), as Moodle's installer creates it.
     *
     * @param string $file the install.xml
     * @return string
     */
    private static function from_xmldb(string $file): string {
        $xml = simplexml_load_file($file);
        $ddl = '';
        foreach ($xml->TABLES->TABLE as $table) {
            $name = 'mdl_' . $table['NAME'];
            $columns = [];
            foreach ($table->FIELDS->FIELD as $field) {
                if ((string) $field['SEQUENCE'] === 'true') {
                    $columns[] = $field['NAME'] . ' BIGSERIAL PRIMARY KEY';
                    continue;
                }
                $type = (string) $field['TYPE'] === 'int' ? 'BIGINT' : 'VARCHAR(' . $field['LENGTH'] . ')';
                $column = $field['NAME'] . ' ' . $type . ((string) $field['NOTNULL'] === 'true' ? ' NOT NULL' : '');
                if (isset($field['DEFAULT'])) {
                    $column .= ' DEFAULT ' . ((string) $field['TYPE'] === 'int' ? (int) $field['DEFAULT']
                        : "'" . $field['DEFAULT'] . "'");
                }
                $columns[] = $column;
            }
            $ddl .= "CREATE TABLE $name (" . implode(', ', $columns) . ");\n";
            foreach ($table->INDEXES->INDEX ?? [] as $index) {
                $ddl .= 'CREATE ' . ((string) $index['UNIQUE'] === 'true' ? 'UNIQUE ' : '') . "INDEX {$name}_{$index['NAME']}_ix " .
                    "ON $name ({$index['FIELDS']});\n";
            }
        }
        return $ddl;
    }

    /**
     * Empties the tables and puts back what a fresh site holds.
     *
     * @param moodle_database $db the database
     */
    public static function reset(moodle_database $db): void {
        // DELETE and a sequence restart: on these few rows, much faster than TRUNCATE.
        foreach (self::TABLES as $table) {
            $db->execute("DELETE FROM $table");
            $db->execute("SELECT setval(pg_get_serial_sequence('$table', 'id'), 1, false)");
        }
        $db->execute("INSERT INTO mdl_course_categories (id, name, parent, path, depth) VALUES (1, 'Category 1', 0, '/1', 1)");
        $db->execute("INSERT INTO mdl_course (id, category, fullname, shortname) VALUES (1, 0, 'Site', 'site')");
        $db->execute("INSERT INTO mdl_user (id, username) VALUES (1, 'guest'), (2, 'admin')");
        $db->execute("INSERT INTO mdl_context (id, contextlevel, instanceid) VALUES (1, 10, 0)");
        foreach (self::ROLES as $id => $shortname) {
            $db->execute('INSERT INTO mdl_role (id, shortname, archetype) VALUES (?, ?, ?)', [$id, $shortname, $shortname]);
        }
        foreach (['mdl_course_categories', 'mdl_course', 'mdl_user', 'mdl_context', 'mdl_role'] as $table) {
            $db->execute("SELECT setval(pg_get_serial_sequence('$table', 'id'), (SELECT MAX(id) FROM $table))");
        }
    }
}

/**
 * Moodle's base of tests that need no database.
 */
abstract class basic_testcase extends \PHPUnit\Framework\TestCase {
}

/**
 * Moodle's base of tests that use the database, on the stubbed site: every test starts on a fresh site.
 */
abstract class advanced_testcase extends basic_testcase {
    /** @var testing_data_generator|null The generator. */
    private ?testing_data_generator $generator = null;

    /**
     * Puts the site back as new before each test.
     *
     * @before
     */
    public function reset_stubbed_site(): void {
        global $DB, $USER;
        stub_schema::reset($DB);
        stub_site::reset();
        cache::$stores = [];
        \core\di::reset_container();
        \core_privacy\local\request\writer::$exported = [];
        $USER = (object) ['id' => 0];
        $DB->queries = 0;
    }

    /**
     * Moodle resets the site after the test; here every test starts on a fresh one.
     *
     * @param bool $reset whether to reset
     */
    public function resetAfterTest($reset = true) {
    }

    /**
     * The data generator.
     *
     * @return testing_data_generator
     */
    public function getDataGenerator() {
        return $this->generator ??= new testing_data_generator();
    }

    /**
     * Logs a user in.
     *
     * @param mixed $user the user (object or id), null for nobody
     */
    public function setUser($user = null) {
        global $USER;
        $USER = (object) ['id' => is_object($user) ? (int) $user->id : (int) $user];
    }

    /**
     * Logs the admin in.
     */
    public function setAdminUser() {
        $this->setUser(2);
    }

    /**
     * Logs the guest in.
     */
    public function setGuestUser() {
        $this->setUser(1);
    }

    /**
     * Catches the events (the stubbed generator fires none).
     *
     * @return object a sink
     */
    public function redirectEvents() {
        return new class {
            /**
             * The events caught.
             *
             * @return array
             */
            public function get_events() {
                return [];
            }

            /**
             * Stops catching.
             */
            public function close() {
            }
        };
    }
}

/**
 * Moodle's data generator, for what the plugin's tests create.
 */
class testing_data_generator {
    /** @var int Counter of names. */
    private int $count = 0;

    /**
     * A category, top-level unless a parent is given.
     *
     * @param array|stdClass|null $record parent, name
     * @return stdClass
     */
    public function create_category($record = null) {
        global $DB;
        $record = (array) ($record ?? []);
        $parent = (int) ($record['parent'] ?? 0);
        $parentpath = $parent > 0 ? $DB->get_field('course_categories', 'path', ['id' => $parent], MUST_EXIST) : '';
        $id = $DB->insert_record('course_categories', (object) ['name' => $record['name'] ?? 'Category ' . (++$this->count),
            'parent' => $parent, 'depth' => substr_count($parentpath, '/') + 1, 'visible' => 1]);
        $DB->set_field('course_categories', 'path', $parentpath . '/' . $id, ['id' => $id]);
        context_coursecat::instance($id);
        return $DB->get_record('course_categories', ['id' => $id]);
    }

    /**
     * A course, in « Category 1 » unless a category is given.
     *
     * @param array|stdClass|null $record category, fullname, shortname
     * @return stdClass
     */
    public function create_course($record = null) {
        global $DB;
        $record = (array) ($record ?? []);
        $n = ++$this->count;
        $id = $DB->insert_record('course', (object) ['category' => (int) ($record['category'] ?? 1),
            'fullname' => $record['fullname'] ?? 'Test course ' . $n, 'shortname' => $record['shortname'] ?? 'tc_' . $n]);
        context_course::instance($id);
        return $DB->get_record('course', ['id' => $id]);
    }

    /**
     * A user.
     *
     * @param array|stdClass|null $record username
     * @return stdClass
     */
    public function create_user($record = null) {
        global $DB;
        $record = (array) ($record ?? []);
        $n = ++$this->count;
        $id = $DB->insert_record('user', (object) ['username' => $record['username'] ?? 'user' . $n,
            'firstname' => 'Prénom' . $n, 'lastname' => 'Nom' . $n]);
        context_user::instance($id);
        return $DB->get_record('user', ['id' => $id]);
    }

    /**
     * An activity in a course.
     *
     * @param string $modulename the module (page, quiz…)
     * @param array|stdClass $record course, name
     * @return stdClass the instance, with its cmid
     */
    public function create_module($modulename, $record) {
        global $DB;
        $record = (array) $record;
        $n = ++$this->count;
        $cmid = $DB->insert_record('course_modules', (object) ['course' => (int) $record['course'], 'module' => 1,
            'instance' => $n]);
        context_module::instance($cmid);
        return (object) ['id' => $n, 'cmid' => $cmid, 'course' => (int) $record['course'], 'modname' => $modulename,
            'name' => $record['name'] ?? $modulename . ' ' . $n];
    }

    /**
     * Enrols a user in a course with a role (student by default).
     *
     * @param int $userid the user
     * @param int $courseid the course
     * @param int|string|null $roleidorshortname the role
     * @return bool
     */
    public function enrol_user($userid, $courseid, $roleidorshortname = null) {
        $roleid = is_numeric($roleidorshortname) ? (int) $roleidorshortname
            : (int) array_search($roleidorshortname ?? 'student', stub_schema::ROLES, true);
        $this->role_assign($roleid, $userid, context_course::instance($courseid)->id);
        return true;
    }

    /**
     * Assigns a role in a context.
     *
     * @param int $roleid the role
     * @param int $userid the user
     * @param int $contextid the context
     * @return int the assignment
     */
    public function role_assign($roleid, $userid, $contextid = false) {
        global $DB;
        return $DB->insert_record('role_assignments', (object) ['roleid' => $roleid, 'userid' => $userid,
            'contextid' => $contextid ?: context_system::instance()->id, 'timemodified' => time()]);
    }
}
