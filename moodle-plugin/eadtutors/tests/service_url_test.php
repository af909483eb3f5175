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
 * Tests of the service URLs the plugin accepts.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\service_url;

/**
 * https everywhere; plain http on the local machine only.
 *
 * @covers \local_eadtutors\local\service_url
 */
final class service_url_test extends \basic_testcase {
    /**
     * URLs and whether they are accepted.
     *
     * @return array
     */
    public static function urls(): array {
        return [
            'https' => ['https://ead.example.be', true],
            'https with port and path' => ['https://ead.example.be:8443/ead/', true],
            'HTTPS in capitals' => ['HTTPS://EAD.EXAMPLE.BE', true],
            'http' => ['http://ead.example.be', false],
            'http on a private address' => ['http://10.0.0.5:8080', false],
            'http on localhost' => ['http://localhost:8080', true],
            'http on 127.0.0.1' => ['http://127.0.0.1:8080', true],
            'http on ::1' => ['http://[::1]:8080', true],
            'http on a host named like localhost' => ['http://localhost.example.be', false],
            'ftp' => ['ftp://ead.example.be', false],
            'with a user' => ['https://user:pw@ead.example.be', false],
            'with a query' => ['https://ead.example.be/?x=1', false],
            'no scheme' => ['ead.example.be', false],
            'empty' => ['', false],
        ];
    }

    /**
     * Test: a URL is accepted or not.
     *
     * @dataProvider urls
     * @param string $url the URL
     * @param bool $accepted whether it is accepted
     */
    public function test_a_url_is_accepted_or_not(string $url, bool $accepted): void {
        $this->assertSame($accepted, service_url::acceptable($url));
    }
}
