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
 * The setting of the EAD service's URL.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

namespace local_eadtutors\admin;

use local_eadtutors\local\service_url;

/**
 * A URL setting that refuses anything but https (plain http on the local machine only, for development).
 */
class setting_serviceurl extends \admin_setting_configtext {
    /**
     * Validates the URL.
     *
     * @param string $data the URL entered
     * @return true|string true, or the error shown under the field
     */
    public function validate($data) {
        $valid = parent::validate($data);
        if ($valid !== true) {
            return $valid;
        }
        if (trim((string) $data) === '' || service_url::acceptable((string) $data)) {
            return true;
        }
        return get_string('serviceurl_https', 'local_eadtutors');
    }
}
