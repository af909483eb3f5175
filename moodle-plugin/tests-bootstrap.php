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
 * Runs the plugin's own unit tests without a Moodle site (the service's CI): the classes they cover need no Moodle.
 * Inside a Moodle site, the same tests run with Moodle's own PHPUnit set-up.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

define('MOODLE_INTERNAL', true);

if (!class_exists('basic_testcase')) {
    /**
     * Moodle's base of tests that need no database, as far as these tests use it.
     */
    abstract class basic_testcase extends \PHPUnit\Framework\TestCase {
    }
}

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
