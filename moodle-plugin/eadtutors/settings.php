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
 * Settings: the EAD service (URL, shared secret, timeout), the EAD tree and its staff roles, the change feed's settle
 * window.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

if ($hassiteconfig) {
    $settings = new admin_settingpage('local_eadtutors', get_string('pluginname', 'local_eadtutors'));
    $ADMIN->add('localplugins', $settings);

    $settings->add(new admin_setting_heading('local_eadtutors/service', get_string('service', 'local_eadtutors'), ''));
    $settings->add(new \local_eadtutors\admin\setting_serviceurl(
        'local_eadtutors/serviceurl',
        get_string('serviceurl', 'local_eadtutors'),
        get_string('serviceurl_desc', 'local_eadtutors'),
        '',
        PARAM_URL
    ));
    $settings->add(new admin_setting_configpasswordunmask(
        'local_eadtutors/secret',
        get_string('secret', 'local_eadtutors'),
        get_string('secret_desc', 'local_eadtutors'),
        ''
    ));
    $settings->add(new admin_setting_configtext(
        'local_eadtutors/timeout',
        get_string('timeout', 'local_eadtutors'),
        get_string('timeout_desc', 'local_eadtutors'),
        5,
        PARAM_INT
    ));

    $settings->add(new admin_setting_heading(
        'local_eadtutors/tree',
        get_string('tree', 'local_eadtutors'),
        get_string('tree_desc', 'local_eadtutors')
    ));
    $roots = new admin_setting_configtext(
        'local_eadtutors/categoryroots',
        get_string('categoryroots', 'local_eadtutors'),
        get_string('categoryroots_desc', 'local_eadtutors'),
        '',
        PARAM_SEQUENCE
    );
    $roots->set_updatedcallback([\local_eadtutors\local\staff_status::class, 'forget_all']);
    $settings->add($roots);
    $roles = new admin_setting_pickroles(
        'local_eadtutors/staffroles',
        get_string('staffroles', 'local_eadtutors'),
        get_string('staffroles_desc', 'local_eadtutors'),
        \local_eadtutors\local\ead_tree::STAFF_ARCHETYPES
    );
    $roles->set_updatedcallback([\local_eadtutors\local\staff_status::class, 'forget_all']);
    $settings->add($roles);

    $settings->add(new admin_setting_heading('local_eadtutors/feed', get_string('feed', 'local_eadtutors'), ''));
    $settings->add(new admin_setting_configtext(
        'local_eadtutors/settle',
        get_string('settle', 'local_eadtutors'),
        get_string('settle_desc', 'local_eadtutors'),
        10,
        PARAM_INT
    ));
}
