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
 * Moodle's curl as the service client's HTTP layer.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Sends requests with Moodle's curl class (site proxy settings and cURL security helper apply).
 */
final class curl_transport implements http_transport {
    /**
     * Sends a request.
     *
     * @param string $method HTTP method
     * @param string $url full URL
     * @param string[] $headers header lines
     * @param string $body request body
     * @param int $timeout seconds
     * @return array{status: int, body: string}
     * @throws service_unavailable
     */
    public function request(string $method, string $url, array $headers, string $body, int $timeout): array {
        global $CFG;
        require_once($CFG->libdir . '/filelib.php');
        $curl = new \curl();
        $curl->setHeader(array_merge($headers, ['Accept: application/json', 'Content-Type: application/json']));
        $options = ['CURLOPT_TIMEOUT' => $timeout, 'CURLOPT_CONNECTTIMEOUT' => min(3, $timeout)];
        $answer = $method === 'POST' ? $curl->post($url, $body, $options) : $curl->get($url, [], $options);
        $info = $curl->get_info();
        if ($curl->get_errno() || empty($info['http_code'])) {
            throw new service_unavailable('network', (string) $curl->error);
        }
        return ['status' => (int) $info['http_code'], 'body' => (string) $answer];
    }
}
