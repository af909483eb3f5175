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
 * Event observers: what changed, for the EAD service's incremental sync.
 *
 * All are 'internal' => false: Moodle calls them once its database transaction has committed (and never for a change
 * that was rolled back), so the change is recorded only when it is there for the service to read.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$observers = [
    [
        'eventname' => '\core\event\role_assigned',
        'callback' => '\local_eadtutors\observer::role_assigned',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\role_unassigned',
        'callback' => '\local_eadtutors\observer::role_unassigned',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_created',
        'callback' => '\local_eadtutors\observer::course_created',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_updated',
        'callback' => '\local_eadtutors\observer::course_updated',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_deleted',
        'callback' => '\local_eadtutors\observer::course_deleted',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_category_created',
        'callback' => '\local_eadtutors\observer::category_created',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_category_updated',
        'callback' => '\local_eadtutors\observer::category_updated',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_category_deleted',
        'callback' => '\local_eadtutors\observer::category_deleted',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_module_created',
        'callback' => '\local_eadtutors\observer::course_module_created',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_module_updated',
        'callback' => '\local_eadtutors\observer::course_module_updated',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\course_module_deleted',
        'callback' => '\local_eadtutors\observer::course_module_deleted',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\user_updated',
        'callback' => '\local_eadtutors\observer::user_updated',
        'internal' => false,
    ],
    [
        'eventname' => '\core\event\user_deleted',
        'callback' => '\local_eadtutors\observer::user_deleted',
        'internal' => false,
    ],
];
