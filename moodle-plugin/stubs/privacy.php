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
 * Moodle's privacy API (privacy/classes), as far as the plugin's provider uses it; the writer keeps what is exported,
 * as Moodle's tests read it with writer::with_context($context)->get_data($subcontext).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable

namespace core_privacy\local\metadata {
    /**
     * A metadata provider.
     */
    interface provider {
    }

    /**
     * What a component stores and sends.
     */
    class collection {
        /** @var array The items: [type, name, fields, summary]. */
        private array $items = [];

        /**
         * Constructor.
         *
         * @param string $component the component
         */
        public function __construct(public string $component) {
        }

        /**
         * Data sent outside Moodle.
         *
         * @param string $name the system
         * @param array $privacyfields field => string key
         * @param string $summary string key
         * @return self
         */
        public function add_external_location_link($name, array $privacyfields, $summary = '') {
            $this->items[] = ['external_location', $name, $privacyfields, $summary];
            return $this;
        }

        /**
         * A table.
         *
         * @param string $name the table
         * @param array $privacyfields field => string key
         * @param string $summary string key
         * @return self
         */
        public function add_database_table($name, array $privacyfields, $summary = '') {
            $this->items[] = ['database_table', $name, $privacyfields, $summary];
            return $this;
        }

        /**
         * The items.
         *
         * @return array
         */
        public function get_collection() {
            return $this->items;
        }
    }
}

namespace core_privacy\local\request {
    /**
     * A provider of the users in a context.
     */
    interface core_userlist_provider {
    }

    /**
     * A list of contexts.
     */
    class contextlist {
        /** @var int[] The context ids. */
        protected array $contextids = [];

        /**
         * Adds the contexts an SQL query returns.
         *
         * @param string $sql SQL returning context ids
         * @param array $params parameters
         * @return self
         */
        public function add_from_sql(string $sql, array $params) {
            global $DB;
            foreach ($DB->get_fieldset_sql($sql, $params) as $id) {
                $this->contextids[] = (int) $id;
            }
            $this->contextids = array_values(array_unique($this->contextids));
            return $this;
        }

        /**
         * The context ids.
         *
         * @return int[]
         */
        public function get_contextids() {
            return $this->contextids;
        }
    }

    /**
     * Contexts approved for a user's export or deletion.
     */
    class approved_contextlist {
        /**
         * Constructor.
         *
         * @param \stdClass $user the user
         * @param string $component the component
         * @param \context[] $contexts the contexts
         */
        public function __construct(private \stdClass $user, private string $component, private array $contexts) {
        }

        /**
         * The contexts.
         *
         * @return \context[]
         */
        public function get_contexts() {
            return $this->contexts;
        }

        /**
         * The user.
         *
         * @return \stdClass
         */
        public function get_user() {
            return $this->user;
        }
    }

    /**
     * The users with data in a context.
     */
    class userlist {
        /** @var int[] The users. */
        protected array $userids = [];

        /**
         * Constructor.
         *
         * @param \context $context the context
         * @param string $component the component
         */
        public function __construct(private \context $context, private string $component) {
        }

        /**
         * The context.
         *
         * @return \context
         */
        public function get_context() {
            return $this->context;
        }

        /**
         * Adds the users an SQL query returns.
         *
         * @param string $fieldname the column
         * @param string $sql SQL
         * @param array $params parameters
         * @return self
         */
        public function add_from_sql(string $fieldname, string $sql, array $params) {
            global $DB;
            foreach ($DB->get_records_sql($sql, $params) as $record) {
                $this->userids[] = (int) $record->$fieldname;
            }
            $this->userids = array_values(array_unique($this->userids));
            return $this;
        }

        /**
         * The users.
         *
         * @return int[]
         */
        public function get_userids() {
            return $this->userids;
        }
    }

    /**
     * Users approved for deletion in a context.
     */
    class approved_userlist extends userlist {
        /**
         * Constructor.
         *
         * @param \context $context the context
         * @param string $component the component
         * @param int[] $userids the users
         */
        public function __construct(\context $context, string $component, array $userids) {
            parent::__construct($context, $component);
            $this->userids = $userids;
        }
    }

    /**
     * Moodle's transformations of exported values.
     */
    class transform {
        /**
         * A readable date and time (Moodle: userdate()).
         *
         * @param int $datetime seconds since the epoch
         * @return string
         */
        public static function datetime($datetime) {
            return gmdate('l, j F Y, H:i', (int) $datetime);
        }
    }

    /**
     * The export writer: keeps the data by context and folder.
     */
    class writer {
        /** @var array Exported data: contextid => folder path => data. */
        public static array $exported = [];
        /** @var \context The current context. */
        private \context $context;

        /**
         * The writer of a context.
         *
         * @param \context $context the context
         * @return self
         */
        public static function with_context(\context $context) {
            $writer = new self();
            $writer->context = $context;
            return $writer;
        }

        /**
         * Exports data under a folder.
         *
         * @param array $subcontext the folder
         * @param \stdClass $data the data
         * @return self
         */
        public function export_data(array $subcontext, \stdClass $data) {
            self::$exported[$this->context->id][implode('/', $subcontext)] = $data;
            return $this;
        }

        /**
         * The data exported under a folder.
         *
         * @param array $subcontext the folder
         * @return \stdClass|array
         */
        public function get_data(array $subcontext = []) {
            return self::$exported[$this->context->id][implode('/', $subcontext)] ?? [];
        }
    }
}

namespace core_privacy\local\request\plugin {
    /**
     * A request provider of a plugin.
     */
    interface provider {
    }
}
