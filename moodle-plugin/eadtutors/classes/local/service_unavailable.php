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
 * The EAD service could not be reached, or did not answer as expected.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * The EAD service is down, slow, misconfigured or answered something unexpected; the page says so in a sentence.
 */
final class service_unavailable extends \RuntimeException {
    /** @var string Why: network, timeout, status, signature, format or config. */
    public string $reason;

    /**
     * Constructor.
     *
     * @param string $reason network, status, signature, format or config
     * @param string $detail what happened, for the logs (never shown to users)
     */
    public function __construct(string $reason, string $detail = '') {
        parent::__construct($reason . ($detail === '' ? '' : ': ' . $detail));
        $this->reason = $reason;
    }
}
