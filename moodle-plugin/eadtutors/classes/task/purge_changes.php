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
 * Scheduled task: forget changes older than 30 days.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\task;

use local_eadtutors\local\change_log;

/**
 * Forgets the changes older than 30 days: the EAD service reads them every half hour.
 */
final class purge_changes extends \core\task\scheduled_task {
    /** Days the changes are kept. */
    public const RETENTION_DAYS = 30;

    /**
     * The task's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('task_purge_changes', 'local_eadtutors');
    }

    /**
     * Forgets the old changes.
     */
    public function execute(): void {
        change_log::create()->purge(time() - self::RETENTION_DAYS * DAYSECS);
    }
}
