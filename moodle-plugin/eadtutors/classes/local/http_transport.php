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
 * The HTTP layer the service client uses (a stub in tests, Moodle's curl in production).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Sends one HTTP request.
 */
interface http_transport {
    /**
     * Sends a request.
     *
     * @param string $method HTTP method
     * @param string $url full URL
     * @param string[] $headers header lines
     * @param string $body request body ('' when none)
     * @param int $timeout seconds before giving up
     * @return array{status: int, body: string} the status and the body of the answer
     * @throws service_unavailable when no answer came (network error, timeout)
     */
    public function request(string $method, string $url, array $headers, string $body, int $timeout): array;
}
