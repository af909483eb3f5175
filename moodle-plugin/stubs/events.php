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
 * Moodle's events the plugin observes, built as lib/classes/event/base.php builds them: the context gives contextid,
 * contextlevel, contextinstanceid and, below a course, the courseid; each event checks the data its Moodle class
 * requires (validate_data), so the tests build them as Moodle does.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable

namespace core\event;

/**
 * An event.
 */
abstract class base {
    /** @var array The event's data. */
    protected array $data = [];
    /** @var array Record snapshots: table => id => record. */
    protected array $recordsnapshots = [];
    /** @var string The table of the object. */
    protected string $objecttable = '';

    /**
     * Creates an event from its data.
     *
     * @param array|null $data context, objectid, relateduserid, courseid, other
     * @return static
     */
    final public static function create(?array $data = null) {
        $data = $data ?? [];
        $event = new static();
        $context = $data['context'] ?? null;
        if (!$context instanceof \context) {
            throw new \coding_exception('context must be specified in event');
        }
        $event->data = [
            'objectid' => $data['objectid'] ?? null,
            'relateduserid' => $data['relateduserid'] ?? null,
            'contextid' => $context->id,
            'contextlevel' => $context->contextlevel,
            'contextinstanceid' => $context->instanceid,
            'courseid' => $data['courseid'] ?? ($context->courseid ?: 0),
            'other' => $data['other'] ?? null,
        ];
        $event->validate_data();
        return $event;
    }

    /**
     * Checks the data as the Moodle class does.
     */
    protected function validate_data() {
    }

    /**
     * Checks that the keys are set in other.
     *
     * @param string ...$keys the keys
     */
    protected function require_other(string ...$keys): void {
        foreach ($keys as $key) {
            if (!isset($this->data['other'][$key])) {
                throw new \coding_exception("The '$key' value must be set in other.");
            }
        }
    }

    /**
     * Checks that the related user is set.
     */
    protected function require_relateduser(): void {
        if (!isset($this->data['relateduserid'])) {
            throw new \coding_exception("The 'relateduserid' must be set.");
        }
    }

    /**
     * Read-only access to the data.
     *
     * @param string $name the property
     * @return mixed
     */
    public function __get($name) {
        if ($name === 'objecttable') {
            return $this->objecttable;
        }
        if (!array_key_exists($name, $this->data)) {
            throw new \coding_exception("Accessing non-existent event property '$name'");
        }
        return $this->data[$name];
    }

    /**
     * Whether a property is set.
     *
     * @param string $name the property
     * @return bool
     */
    public function __isset($name) {
        return isset($this->data[$name]);
    }

    /**
     * Keeps a record as it was when the event happened.
     *
     * @param string $tablename the table
     * @param \stdClass $record the record
     */
    public function add_record_snapshot($tablename, $record) {
        $this->recordsnapshots[$tablename][$record->id] = $record;
    }

    /**
     * A record as it was when the event happened, read from the database when no snapshot was kept.
     *
     * @param string $tablename the table
     * @param int $id the id
     * @return \stdClass|false
     */
    public function get_record_snapshot($tablename, $id) {
        global $DB;
        if (isset($this->recordsnapshots[$tablename][$id])) {
            return clone($this->recordsnapshots[$tablename][$id]);
        }
        return $DB->get_record($tablename, ['id' => $id]);
    }
}

/**
 * A role was assigned.
 */
class role_assigned extends base {
    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_relateduser();
        $this->require_other('id', 'component');
    }
}

/**
 * A role was unassigned.
 */
class role_unassigned extends role_assigned {
}

/**
 * A course was created.
 */
class course_created extends base {
    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_other('fullname');
    }
}

/**
 * A course was updated.
 */
class course_updated extends base {
}

/**
 * A course was deleted.
 */
class course_deleted extends course_created {
}

/**
 * A category was created.
 */
class course_category_created extends base {
    /** @var string The table of the object. */
    protected string $objecttable = 'course_categories';
}

/**
 * A category was updated.
 */
class course_category_updated extends course_category_created {
}

/**
 * A category was deleted.
 */
class course_category_deleted extends course_category_created {
    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_other('name');
    }
}

/**
 * A course module was created.
 */
class course_module_created extends base {
    /**
     * The event of a course module, as Moodle's create_from_cm().
     *
     * @param \stdClass $cm the course module (id, modname, instance, name)
     * @param \context_module|null $modcontext its context
     * @return static
     */
    final public static function create_from_cm($cm, $modcontext = null) {
        return static::create([
            'context' => $modcontext ?? \context_module::instance($cm->id),
            'objectid' => $cm->id,
            'other' => ['modulename' => $cm->modname, 'instanceid' => $cm->instance, 'name' => $cm->name],
        ]);
    }

    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_other('modulename', 'instanceid', 'name');
    }
}

/**
 * A course module was updated.
 */
class course_module_updated extends course_module_created {
}

/**
 * A course module was deleted.
 */
class course_module_deleted extends base {
    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_other('modulename', 'instanceid');
    }
}

/**
 * A user was updated.
 */
class user_updated extends base {
    /**
     * The event of a user's update, as Moodle's create_from_userid().
     *
     * @param int $userid the user
     * @return static
     */
    public static function create_from_userid($userid) {
        return static::create(['objectid' => $userid, 'relateduserid' => $userid,
            'context' => \context_user::instance($userid)]);
    }

    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_relateduser();
    }
}

/**
 * A user was deleted.
 */
class user_deleted extends base {
    /**
     * Checks the data.
     */
    protected function validate_data() {
        $this->require_relateduser();
        $this->require_other('username', 'email', 'idnumber', 'picture', 'mnethostid');
    }
}
