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
 * Runs the plugin's unit tests without a Moodle site (the service's CI), on a stubbed Moodle (stubs/): Moodle's
 * functions and classes the plugin calls, with their behaviour where the plugin relies on it, and Moodle's DML API on a
 * real PostgreSQL (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, as the service's tests; a schema of its own per run,
 * dropped at the end), holding the tables of Moodle's schema the plugin reads and the plugin's own from db/install.xml.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable moodle.Files.MoodleInternal -- this bootstrap runs outside Moodle and defines MOODLE_INTERNAL itself.
define('MOODLE_INTERNAL', true);

require_once(__DIR__ . '/stubs/moodle.php');
require_once(__DIR__ . '/stubs/dml.php');
require_once(__DIR__ . '/stubs/context.php');
require_once(__DIR__ . '/stubs/events.php');
require_once(__DIR__ . '/stubs/privacy.php');
require_once(__DIR__ . '/stubs/testcase.php');

spl_autoload_register(static function (string $class): void {
    $prefix = 'local_eadtutors\\';
    if (strpos($class, $prefix) !== 0) {
        return;
    }
    $file = __DIR__ . '/eadtutors/classes/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require_once($file);
    }
});

$DB = new moodle_database('local_eadtutors_test_' . getmypid() . '_' . bin2hex(random_bytes(3)));
stub_schema::create($DB);
// The plugin's hook puts its HTTP layer in the container, as Moodle calls it when the container is built.
\local_eadtutors\local\hook_callbacks::di_configuration(new \core\hook\di_configuration());
