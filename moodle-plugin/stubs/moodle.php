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
 * Moodle's functions, constants and small classes the plugin calls, with Moodle's behaviour where the plugin relies on
 * it (strings from the plugin's own language files with Moodle's placeholders, format_float as in lib/moodlelib.php,
 * is_loggedinas as in lib/classes/session/manager.php, the primary navigation's add() and get(), MUC's get() returning
 * false on a miss).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable

namespace {
    define('CONTEXT_SYSTEM', 10);
    define('CONTEXT_USER', 30);
    define('CONTEXT_COURSECAT', 40);
    define('CONTEXT_COURSE', 50);
    define('CONTEXT_MODULE', 70);
    define('DEBUG_DEVELOPER', 32767);
    define('DAYSECS', 86400);
    define('PARAM_INT', 'int');
    define('PARAM_BOOL', 'bool');
    define('PARAM_ALPHANUMEXT', 'alphanumext');
    define('PARAM_URL', 'url');
    define('PARAM_SEQUENCE', 'sequence');
    define('VALUE_DEFAULT', 0);
    define('VALUE_REQUIRED', 1);

    /**
     * The stubbed site's state: configuration, language, debugging messages.
     */
    final class stub_site {
        /** @var array Plugin configuration: plugin => name => value. */
        public static array $config = [];
        /** @var string The current language. */
        public static string $lang = 'en';
        /** @var string[] debugging() messages. */
        public static array $debugging = [];
        /** @var array Strings loaded: lang => component => key => text. */
        private static array $strings = [];

        /**
         * Forgets what a test changed.
         */
        public static function reset(): void {
            self::$config = [];
            self::$lang = 'en';
            self::$debugging = [];
        }

        /**
         * The strings of a component in a language.
         *
         * @param string $component the component
         * @param string $lang the language
         * @return array
         */
        public static function strings(string $component, string $lang): array {
            if (!isset(self::$strings[$lang][$component])) {
                $string = [];
                if ($component === 'local_eadtutors') {
                    include(__DIR__ . '/../eadtutors/lang/' . $lang . '/local_eadtutors.php');
                } else if ($component === 'langconfig') {
                    $string = ['decsep' => $lang === 'fr' ? ',' : '.', 'thousandssep' => $lang === 'fr' ? ' ' : ',',
                        'strftimedate' => '%d %B %Y', 'strftimedatetimeshort' => '%d/%m/%Y, %H:%M'];
                }
                self::$strings[$lang][$component] = $string;
            }
            return self::$strings[$lang][$component];
        }
    }

    /**
     * Moodle's coding exception.
     */
    class coding_exception extends \RuntimeException {
    }

    /**
     * Moodle's generic exception.
     */
    class moodle_exception extends \RuntimeException {
    }

    /**
     * A plugin setting, or all of them.
     *
     * @param string $plugin the plugin
     * @param string|null $name the setting
     * @return mixed the value, false when not set
     */
    function get_config($plugin, $name = null) {
        if ($name === null) {
            return (object) (stub_site::$config[$plugin] ?? []);
        }
        return stub_site::$config[$plugin][$name] ?? false;
    }

    /**
     * Sets a plugin setting (Moodle stores it as a string).
     *
     * @param string $name the setting
     * @param mixed $value the value, null to unset
     * @param string|null $plugin the plugin
     * @return bool
     */
    function set_config($name, $value, $plugin = null) {
        if ($value === null) {
            unset(stub_site::$config[$plugin ?? 'core'][$name]);
        } else {
            stub_site::$config[$plugin ?? 'core'][$name] = (string) $value;
        }
        return true;
    }

    /**
     * A language string, with Moodle's placeholders ({$a} and {$a->name}).
     *
     * @param string $identifier the key
     * @param string $component the component
     * @param mixed $a the value(s) of the placeholders
     * @return string
     */
    function get_string($identifier, $component = '', $a = null) {
        $strings = stub_site::strings($component, stub_site::$lang);
        if (!array_key_exists($identifier, $strings)) {
            throw new coding_exception("Invalid get_string() identifier: '$identifier' in '$component'");
        }
        $text = $strings[$identifier];
        if ($a !== null) {
            if (is_object($a) || is_array($a)) {
                foreach ((array) $a as $name => $value) {
                    if (is_scalar($value)) {
                        $text = str_replace('{$a->' . $name . '}', (string) $value, $text);
                    }
                }
            } else {
                $text = str_replace('{$a}', (string) $a, $text);
            }
        }
        return $text;
    }

    /**
     * Switches the language of the strings.
     *
     * @param string $lang the language
     * @return string the previous one
     */
    function force_current_language($lang) {
        $previous = stub_site::$lang;
        stub_site::$lang = $lang;
        return $previous;
    }

    /**
     * A number as the user reads it (Moodle's lib/moodlelib.php format_float).
     *
     * @param float|null $float the number
     * @param int $decimalpoints decimals (-1: as many as it has)
     * @param bool $localized whether to use the language's decimal separator
     * @param bool $stripzeros whether to remove final zeros
     * @return string
     */
    function format_float($float, $decimalpoints = 1, $localized = true, $stripzeros = false) {
        if (is_null($float)) {
            return '';
        }
        $separator = $localized ? get_string('decsep', 'langconfig') : '.';
        if ($decimalpoints == -1) {
            $floatval = floatval($float);
            for ($decimalpoints = 0; $floatval != round($float, $decimalpoints); $decimalpoints++);
        }
        $result = number_format($float, $decimalpoints, $separator, '');
        if ($stripzeros && $decimalpoints > 0) {
            $result = preg_replace('~(' . preg_quote($separator, '~') . ')?0+$~', '', $result);
        }
        return $result;
    }

    /**
     * A date as the user reads it (Moodle: userdate() with a strftime format of the language pack), in UTC here.
     *
     * @param int $date seconds since the epoch
     * @param string $format the format
     * @return string
     */
    function userdate($date, $format = '') {
        return gmdate(strpos($format, '%H') === false ? 'j F Y' : 'j F Y, H:i', (int) $date);
    }

    /**
     * Whether Moodle is being installed.
     *
     * @return bool
     */
    function during_initial_install() {
        return false;
    }

    /**
     * Whether someone is logged in.
     *
     * @return bool
     */
    function isloggedin() {
        global $USER;
        return !empty($USER->id);
    }

    /**
     * Whether the user is the guest (id 1, as on a Moodle site).
     *
     * @param mixed $user the user, $USER when null
     * @return bool
     */
    function isguestuser($user = null) {
        global $USER;
        $id = $user === null ? ($USER->id ?? 0) : (is_object($user) ? $user->id : $user);
        return (int) $id === 1;
    }

    /**
     * A capability check following the plugin's db/access.php: local/eadtutors:view goes to the authenticated-user
     * archetype (everyone logged in but the guest); nothing else is granted to anyone but the admin (id 2).
     *
     * @param string $capability the capability
     * @param \context $context the context
     * @param mixed $user the user, $USER when null
     * @return bool
     */
    function has_capability($capability, $context, $user = null) {
        global $USER;
        $id = (int) ($user === null ? ($USER->id ?? 0) : (is_object($user) ? $user->id : $user));
        if ($id <= 0 || $id === 1) {
            return false;
        }
        return $capability === 'local/eadtutors:view' || $id === 2;
    }

    /**
     * The roles of an archetype.
     *
     * @param string $archetype the archetype
     * @return array role id => role
     */
    function get_archetype_roles($archetype) {
        global $DB;
        return $DB->get_records('role', ['archetype' => $archetype]);
    }

    /**
     * A developer's message.
     *
     * @param string $message the message
     * @param int $level the level
     * @return bool
     */
    function debugging($message = '', $level = DEBUG_DEVELOPER) {
        stub_site::$debugging[] = $message;
        return true;
    }

    /**
     * Moodle's URL.
     */
    class moodle_url {
        /** @var string The path. */
        private string $path;
        /** @var array The parameters. */
        private array $params;

        /**
         * Constructor.
         *
         * @param string $path the path under wwwroot
         * @param array|null $params the parameters
         */
        public function __construct($path, ?array $params = null) {
            $this->path = $path;
            $this->params = $params ?? [];
        }

        /**
         * The URL.
         *
         * @param bool $escaped whether to escape &
         * @return string
         */
        public function out($escaped = true) {
            $query = http_build_query($this->params);
            return 'https://moodle.example' . $this->path . ($query === '' ? '' : '?' . $query);
        }
    }

    /**
     * Moodle's application cache (MUC), per area, in memory.
     */
    class cache {
        /** @var array Every area's values. */
        public static array $stores = [];
        /** @var string The area. */
        private string $area;

        /**
         * The cache of an area.
         *
         * @param string $component the component
         * @param string $area the area
         * @return self
         */
        public static function make($component, $area) {
            $cache = new self();
            $cache->area = $component . '/' . $area;
            return $cache;
        }

        /**
         * A value, false on a miss.
         *
         * @param string|int $key the key
         * @return mixed
         */
        public function get($key) {
            return self::$stores[$this->area][$key] ?? false;
        }

        /**
         * Sets a value.
         *
         * @param string|int $key the key
         * @param mixed $value the value
         * @return bool
         */
        public function set($key, $value) {
            self::$stores[$this->area][$key] = $value;
            return true;
        }

        /**
         * Deletes a value.
         *
         * @param string|int $key the key
         * @return bool
         */
        public function delete($key) {
            unset(self::$stores[$this->area][$key]);
            return true;
        }

        /**
         * Empties the area.
         *
         * @return bool
         */
        public function purge() {
            self::$stores[$this->area] = [];
            return true;
        }
    }

    /**
     * Moodle's navigation node (its constants and the methods the plugin calls).
     */
    class navigation_node {
        /** Custom node type. */
        public const TYPE_CUSTOM = 60;
        /** @var array The children, by key. */
        protected array $children = [];

        /**
         * Adds a child.
         *
         * @param string $text the text
         * @param mixed $action the URL
         * @param int $type the type
         * @param string|null $shorttext short text
         * @param string|int|null $key the key
         * @param mixed $icon the icon
         * @return navigation_node
         */
        public function add($text, $action = null, $type = self::TYPE_CUSTOM, $shorttext = null, $key = null, $icon = null) {
            $node = new navigation_node();
            $node->text = $text;
            $node->action = $action;
            $this->children[$key ?? count($this->children)] = $node;
            return $node;
        }

        /**
         * A child by key, false when none.
         *
         * @param string|int $key the key
         * @param int|null $type the type
         * @return navigation_node|false
         */
        public function get($key, $type = null) {
            return $this->children[$key] ?? false;
        }

        /** @var string The text. */
        public $text;
        /** @var mixed The action. */
        public $action;
    }
}

namespace core {
    /**
     * Moodle's dependency injection container (lib/classes/di.php): definitions from the di_configuration hook,
     * replaced by tests with set().
     */
    final class di {
        /** @var array Instances set. */
        private static array $instances = [];
        /** @var array Definitions. */
        public static array $definitions = [];

        /**
         * An entry.
         *
         * @param string $id the id
         * @return mixed
         */
        public static function get(string $id): mixed {
            if (!array_key_exists($id, self::$instances)) {
                if (!isset(self::$definitions[$id])) {
                    throw new \coding_exception("No entry or class found for '$id'");
                }
                self::$instances[$id] = (self::$definitions[$id])();
            }
            return self::$instances[$id];
        }

        /**
         * Sets an entry.
         *
         * @param string $id the id
         * @param mixed $value the value
         */
        public static function set(string $id, mixed $value): void {
            self::$instances[$id] = $value;
        }

        /**
         * Forgets the instances.
         */
        public static function reset_container(): void {
            self::$instances = [];
        }
    }
}

namespace core\task {
    /**
     * A scheduled task.
     */
    abstract class scheduled_task {
        /**
         * Runs the task.
         */
        abstract public function execute();
    }
}

namespace core\hook {
    /**
     * The hook through which plugins add definitions to the container.
     */
    final class di_configuration {
        /**
         * Adds a definition.
         *
         * @param string $id the id
         * @param callable $definition returns the instance
         * @return self
         */
        public function add_definition(string $id, callable $definition): self {
            \core\di::$definitions[$id] = $definition;
            return $this;
        }
    }
}

namespace core\navigation\views {
    /**
     * The primary navigation.
     */
    class primary extends \navigation_node {
    }
}

namespace core\hook\navigation {
    /**
     * The hook that lets plugins extend the primary navigation.
     */
    final class primary_extend {
        /**
         * Constructor.
         *
         * @param \core\navigation\views\primary $primaryview the primary navigation
         */
        public function __construct(public readonly \core\navigation\views\primary $primaryview) {
        }

        /**
         * The primary navigation.
         *
         * @return \core\navigation\views\primary
         */
        public function get_primaryview(): \core\navigation\views\primary {
            return $this->primaryview;
        }
    }
}

namespace core\session {
    /**
     * The session manager, as far as « logged in as » goes.
     */
    final class manager {
        /**
         * Whether an administrator is logged in as another user (Moodle: the real user is kept in $USER->realuser).
         *
         * @return bool
         */
        public static function is_loggedinas() {
            return !empty($GLOBALS['USER']->realuser);
        }
    }
}

namespace {
    /**
     * Moodle's exception for a bad web service parameter.
     */
    class invalid_parameter_exception extends moodle_exception {
    }

    /**
     * Moodle's exception for a missing capability.
     */
    class required_capability_exception extends moodle_exception {
    }

    /**
     * Requires a capability.
     *
     * @param string $capability the capability
     * @param \context $context the context
     */
    function require_capability($capability, $context) {
        if (!has_capability($capability, $context)) {
            throw new required_capability_exception($capability);
        }
    }
}

namespace core_external {
    /**
     * A value of a web service's description.
     */
    class external_value {
        /**
         * Constructor.
         *
         * @param string $type PARAM_ type
         * @param string $desc description
         * @param int $required VALUE_REQUIRED or VALUE_DEFAULT
         * @param mixed $default the default
         */
        public function __construct(public string $type, public string $desc = '', public int $required = VALUE_REQUIRED,
                public mixed $default = null) {
        }
    }

    /**
     * A structure of a web service's description.
     */
    class external_single_structure {
        /**
         * Constructor.
         *
         * @param array $keys name => description
         */
        public function __construct(public array $keys) {
        }
    }

    /**
     * The parameters of a web service.
     */
    class external_function_parameters extends external_single_structure {
    }

    /**
     * A list of a web service's description.
     */
    class external_multiple_structure {
        /**
         * Constructor.
         *
         * @param mixed $content the description of each item
         */
        public function __construct(public mixed $content) {
        }
    }

    /**
     * Moodle's base of web services, for what the plugin's function uses.
     */
    class external_api {
        /**
         * Checks the parameters against their description (every key known, types int and bool).
         *
         * @param external_function_parameters $description the description
         * @param array $params the parameters
         * @return array
         */
        public static function validate_parameters(external_function_parameters $description, $params) {
            foreach ($params as $name => $value) {
                if (!isset($description->keys[$name])) {
                    throw new \invalid_parameter_exception("Unexpected keys ($name) detected in parameter array.");
                }
                if ($description->keys[$name]->type === PARAM_INT && !is_int($value)) {
                    throw new \invalid_parameter_exception("$name: an int is expected");
                }
            }
            return $params;
        }

        /**
         * Checks the user may act in the context (Moodle: require_login and the token's restriction).
         *
         * @param \context $context the context
         */
        public static function validate_context($context) {
        }

        /**
         * Checks a return value against its description, as Moodle's clean_returnvalue(): every key described must be
         * there with a value of its type, and no other.
         *
         * @param mixed $description the description
         * @param mixed $response the value
         * @return mixed
         */
        public static function clean_returnvalue($description, $response) {
            if ($description instanceof external_value) {
                $ok = match ($description->type) {
                    PARAM_INT => is_int($response),
                    PARAM_BOOL => is_bool($response),
                    default => is_string($response),
                };
                if (!$ok) {
                    throw new \moodle_exception('invalidresponse: ' . var_export($response, true) . ' is not ' .
                        $description->type);
                }
                return $response;
            }
            if ($description instanceof external_multiple_structure) {
                return array_map(static fn($item) => self::clean_returnvalue($description->content, $item),
                    array_values($response));
            }
            $extra = array_diff(array_keys($response), array_keys($description->keys));
            $missing = array_diff(array_keys($description->keys), array_keys($response));
            if ($extra !== [] || $missing !== []) {
                throw new \moodle_exception('invalidresponse: missing ' . implode(',', $missing) . '; extra ' .
                    implode(',', $extra));
            }
            $out = [];
            foreach ($description->keys as $name => $item) {
                $out[$name] = self::clean_returnvalue($item, $response[$name]);
            }
            return $out;
        }
    }
}
