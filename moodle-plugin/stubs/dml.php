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
 * Moodle's DML API, as far as the plugin uses it, on a real PostgreSQL (the database real Moodle sites of the EAD run on).
 *
 * The plugin's SQL runs as written: `{table}` becomes `mdl_table` (Moodle's default prefix), named (`:name`) and
 * positional (`?`) placeholders are PDO's, and the helpers (`get_in_or_equal`, `sql_like`, `sql_concat`) build what
 * Moodle's PostgreSQL driver builds. Each test run gets its own schema, dropped at the end.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

// phpcs:disable moodle.Files.MoodleInternal, PSR1.Classes.ClassDeclaration.MultipleClasses -- stands in for Moodle's DML outside a site.
define('SQL_PARAMS_NAMED', 1);
define('SQL_PARAMS_QM', 2);
define('IGNORE_MISSING', 0);
define('IGNORE_MULTIPLE', 1);
define('MUST_EXIST', 2);

/**
 * The subset of Moodle's moodle_database the plugin and its tests call, over PDO PostgreSQL.
 */
class moodle_database {
    /** @var PDO The connection. */
    private PDO $pdo;
    /** @var int Counter of generated parameter names (as Moodle's get_in_or_equal). */
    private static int $paramcount = 0;
    /** @var int How many queries were run (tests may assert a page costs none). */
    public int $queries = 0;

    /**
     * Connects to PostgreSQL (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD, as the service's tests), creating the
     * database when missing, and works in a fresh schema.
     *
     * @param string $schema the schema of this run
     */
    public function __construct(string $schema) {
        $host = getenv('DB_HOST') ?: '127.0.0.1';
        $port = getenv('DB_PORT') ?: '5432';
        $name = getenv('DB_NAME') ?: 'ead_test';
        $user = getenv('DB_USER') ?: 'postgres';
        $password = getenv('DB_PASSWORD') ?: '';
        $dsn = static fn(string $db): string => "pgsql:host=$host;port=$port;dbname=$db";
        $options = [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC];
        try {
            $this->pdo = new PDO($dsn($name), $user, $password, $options);
        } catch (PDOException $e) {
            if (strpos($e->getMessage(), 'does not exist') === false) {
                throw $e;
            }
            $admin = new PDO($dsn('postgres'), $user, $password, $options);
            $admin->exec('CREATE DATABASE "' . str_replace('"', '', $name) . '"');
            $this->pdo = new PDO($dsn($name), $user, $password, $options);
        }
        $this->pdo->exec("CREATE SCHEMA $schema");
        $this->pdo->exec("SET search_path TO $schema");
        // Throwaway data: commits need not wait for the disk.
        $this->pdo->exec("SET synchronous_commit TO off");
        register_shutdown_function(function () use ($schema): void {
            $this->pdo->exec("DROP SCHEMA IF EXISTS $schema CASCADE");
        });
    }

    /**
     * Runs DDL as given (the test schema).
     *
     * @param string $ddl statements
     */
    public function create_schema(string $ddl): void {
        $this->pdo->exec($ddl);
    }

    /**
     * Moodle's SQL to PostgreSQL's: table names prefixed, booleans as Moodle's driver leaves them.
     *
     * @param string $sql Moodle SQL
     * @return string
     */
    private function fix(string $sql): string {
        return preg_replace('/\{([a-z][a-z0-9_]*)\}/', 'mdl_$1', $sql);
    }

    /**
     * Runs a statement.
     *
     * @param string $sql Moodle SQL
     * @param array|null $params named or positional parameters
     * @return PDOStatement
     */
    private function run(string $sql, ?array $params): PDOStatement {
        $this->queries++;
        $params = $params ?? [];
        $named = [];
        $positional = [];
        foreach ($params as $key => $value) {
            $value = is_bool($value) ? (int) $value : $value;
            if (is_int($key)) {
                $positional[] = $value;
            } else {
                $named[ltrim($key, ':')] = $value;
            }
        }
        if ($named !== [] && $positional !== []) {
            throw new coding_exception('Mixed types of sql parameters');
        }
        $fixed = $this->fix($sql);
        if ($named !== []) {
            // Moodle refuses parameters the SQL does not use; so does this stub.
            preg_match_all('/(?<!:):([a-z][a-z0-9_]*)/i', $fixed, $m);
            $used = array_unique($m[1]);
            $unused = array_diff(array_keys($named), $used);
            if ($unused !== []) {
                throw new coding_exception('unused parameters: ' . implode(', ', $unused));
            }
        }
        $statement = $this->pdo->prepare($fixed);
        $statement->execute($named !== [] ? $named : $positional);
        return $statement;
    }

    /**
     * Adds LIMIT and OFFSET.
     *
     * @param string $sql SQL
     * @param int $from offset
     * @param int $num limit, 0 for none
     * @return string
     */
    private static function limit(string $sql, int $from, int $num): string {
        return $sql . ($num > 0 ? ' LIMIT ' . $num : '') . ($from > 0 ? ' OFFSET ' . $from : '');
    }

    /**
     * Records by SQL, keyed by their first column.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @param int $limitfrom offset
     * @param int $limitnum limit
     * @return array
     */
    public function get_records_sql($sql, ?array $params = null, $limitfrom = 0, $limitnum = 0) {
        $out = [];
        foreach ($this->run(self::limit($sql, (int) $limitfrom, (int) $limitnum), $params)->fetchAll() as $row) {
            $out[reset($row)] = (object) $row;
        }
        return $out;
    }

    /**
     * Records of a table matching a WHERE clause.
     *
     * @param string $table table
     * @param string $select WHERE clause
     * @param array|null $params parameters
     * @param string $sort ORDER BY
     * @param string $fields columns
     * @param int $limitfrom offset
     * @param int $limitnum limit
     * @return array
     */
    public function get_records_select(
        $table,
        $select,
        ?array $params = null,
        $sort = '',
        $fields = '*',
        $limitfrom = 0,
        $limitnum = 0
    ) {
        $sql = "SELECT $fields FROM {" . $table . '}' . ($select ? " WHERE $select" : '') . ($sort ? " ORDER BY $sort" : '');
        return $this->get_records_sql($sql, $params, $limitfrom, $limitnum);
    }

    /**
     * Records of a table matching conditions.
     *
     * @param string $table table
     * @param array|null $conditions column => value
     * @param string $sort ORDER BY
     * @param string $fields columns
     * @param int $limitfrom offset
     * @param int $limitnum limit
     * @return array
     */
    public function get_records($table, ?array $conditions = null, $sort = '', $fields = '*', $limitfrom = 0, $limitnum = 0) {
        [$select, $params] = $this->where($conditions ?? []);
        return $this->get_records_select($table, $select, $params, $sort, $fields, $limitfrom, $limitnum);
    }

    /**
     * One record by SQL.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @param int $strictness IGNORE_MISSING or MUST_EXIST
     * @return stdClass|false
     */
    public function get_record_sql($sql, ?array $params = null, $strictness = IGNORE_MISSING) {
        $records = $this->get_records_sql($sql, $params);
        if ($records === [] && $strictness === MUST_EXIST) {
            throw new dml_missing_record_exception($sql);
        }
        return $records === [] ? false : reset($records);
    }

    /**
     * One record of a table.
     *
     * @param string $table table
     * @param array $conditions column => value
     * @param string $fields columns
     * @param int $strictness IGNORE_MISSING or MUST_EXIST
     * @return stdClass|false
     */
    public function get_record($table, array $conditions, $fields = '*', $strictness = IGNORE_MISSING) {
        [$select, $params] = $this->where($conditions);
        return $this->get_record_sql("SELECT $fields FROM {" . $table . "} WHERE $select", $params, $strictness);
    }

    /**
     * The first column of the first row.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @param int $strictness IGNORE_MISSING or MUST_EXIST
     * @return mixed|false
     */
    public function get_field_sql($sql, ?array $params = null, $strictness = IGNORE_MISSING) {
        $value = $this->run($sql, $params)->fetchColumn();
        if ($value === false && $strictness === MUST_EXIST) {
            throw new dml_missing_record_exception($sql);
        }
        return $value;
    }

    /**
     * A field of a record.
     *
     * @param string $table table
     * @param string $field column
     * @param array $conditions column => value
     * @param int $strictness IGNORE_MISSING or MUST_EXIST
     * @return mixed|false
     */
    public function get_field($table, $field, array $conditions, $strictness = IGNORE_MISSING) {
        [$select, $params] = $this->where($conditions);
        return $this->get_field_sql("SELECT $field FROM {" . $table . "} WHERE $select", $params, $strictness);
    }

    /**
     * The first column of every row.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @return array
     */
    public function get_fieldset_sql($sql, ?array $params = null) {
        return $this->run($sql, $params)->fetchAll(PDO::FETCH_COLUMN);
    }

    /**
     * Whether the SQL returns a row.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @return bool
     */
    public function record_exists_sql($sql, ?array $params = null) {
        return $this->run(self::limit($sql, 0, 1), $params)->fetch() !== false;
    }

    /**
     * Whether a record matches a WHERE clause.
     *
     * @param string $table table
     * @param string $select WHERE clause
     * @param array|null $params parameters
     * @return bool
     */
    public function record_exists_select($table, $select, ?array $params = null) {
        return $this->record_exists_sql('SELECT 1 FROM {' . $table . '}' . ($select ? " WHERE $select" : ''), $params);
    }

    /**
     * Whether a record matches conditions.
     *
     * @param string $table table
     * @param array $conditions column => value
     * @return bool
     */
    public function record_exists($table, array $conditions) {
        [$select, $params] = $this->where($conditions);
        return $this->record_exists_select($table, $select, $params);
    }

    /**
     * Counts records matching a WHERE clause.
     *
     * @param string $table table
     * @param string $select WHERE clause
     * @param array|null $params parameters
     * @return int
     */
    public function count_records_select($table, $select, ?array $params = null) {
        return (int) $this->get_field_sql('SELECT COUNT(1) FROM {' . $table . '}' . ($select ? " WHERE $select" : ''), $params);
    }

    /**
     * Counts records matching conditions.
     *
     * @param string $table table
     * @param array $conditions column => value
     * @return int
     */
    public function count_records($table, array $conditions = []) {
        [$select, $params] = $this->where($conditions);
        return $this->count_records_select($table, $select, $params);
    }

    /**
     * Inserts a record.
     *
     * @param string $table table
     * @param array|stdClass $dataobject the values (id ignored)
     * @param bool $returnid whether to return the new id
     * @return int|true
     */
    public function insert_record($table, $dataobject, $returnid = true) {
        $data = (array) $dataobject;
        unset($data['id']);
        $columns = implode(', ', array_keys($data));
        $placeholders = implode(', ', array_map(static fn(string $c): string => ':' . $c, array_keys($data)));
        $id = $this->run('INSERT INTO {' . $table . "} ($columns) VALUES ($placeholders) RETURNING id", $data)->fetchColumn();
        return $returnid ? (int) $id : true;
    }

    /**
     * Updates a record by id.
     *
     * @param string $table table
     * @param array|stdClass $dataobject the values, with the id
     * @return bool
     */
    public function update_record($table, $dataobject) {
        $data = (array) $dataobject;
        $sets = implode(', ', array_map(
            static fn(string $c): string => "$c = :$c",
            array_diff(array_keys($data), ['id'])
        ));
        $this->run('UPDATE {' . $table . "} SET $sets WHERE id = :id", $data);
        return true;
    }

    /**
     * Sets one field of the matching records.
     *
     * @param string $table table
     * @param string $newfield column
     * @param mixed $newvalue value
     * @param array|null $conditions column => value
     * @return bool
     */
    public function set_field($table, $newfield, $newvalue, ?array $conditions = null) {
        [$select, $params] = $this->where($conditions ?? [], 'w');
        $this->run(
            'UPDATE {' . $table . "} SET $newfield = :newvalue" . ($select ? " WHERE $select" : ''),
            $params + ['newvalue' => $newvalue]
        );
        return true;
    }

    /**
     * Deletes the records matching conditions.
     *
     * @param string $table table
     * @param array|null $conditions column => value
     * @return bool
     */
    public function delete_records($table, ?array $conditions = null) {
        [$select, $params] = $this->where($conditions ?? []);
        return $this->delete_records_select($table, $select, $params);
    }

    /**
     * Deletes the records matching a WHERE clause.
     *
     * @param string $table table
     * @param string $select WHERE clause
     * @param array|null $params parameters
     * @return bool
     */
    public function delete_records_select($table, $select, ?array $params = null) {
        $this->run('DELETE FROM {' . $table . '}' . ($select ? " WHERE $select" : ''), $params);
        return true;
    }

    /**
     * Runs a statement.
     *
     * @param string $sql SQL
     * @param array|null $params parameters
     * @return bool
     */
    public function execute($sql, ?array $params = null) {
        $this->run($sql, $params);
        return true;
    }

    /**
     * An IN (or =) clause with its parameters, as Moodle builds it.
     *
     * @param mixed $items the values
     * @param int $type SQL_PARAMS_NAMED or SQL_PARAMS_QM
     * @param string $prefix prefix of the named parameters
     * @param bool $equal IN or NOT IN
     * @param mixed $onemptyitems what to do with an empty list (false: an exception, as Moodle)
     * @return array [sql, params]
     */
    public function get_in_or_equal($items, $type = SQL_PARAMS_QM, $prefix = 'param', $equal = true, $onemptyitems = false) {
        $items = is_array($items) ? array_values($items) : [$items];
        if ($items === []) {
            if ($onemptyitems === false) {
                throw new coding_exception('moodle_database::get_in_or_equal() does not accept empty arrays');
            }
            $items = [$onemptyitems];
        }
        $params = [];
        $placeholders = [];
        foreach ($items as $item) {
            if ($type === SQL_PARAMS_NAMED) {
                $name = $prefix . self::$paramcount++;
                $params[$name] = $item;
                $placeholders[] = ':' . $name;
            } else {
                $params[] = $item;
                $placeholders[] = '?';
            }
        }
        $sql = count($items) === 1 ? ($equal ? '= ' : '<> ') . $placeholders[0]
            : ($equal ? '' : 'NOT ') . 'IN (' . implode(',', $placeholders) . ')';
        return [$sql, $params];
    }

    /**
     * A LIKE, as Moodle's PostgreSQL driver writes it.
     *
     * @param string $fieldname the expression
     * @param string $param the placeholder
     * @param bool $casesensitive case-sensitive
     * @param bool $accentsensitive ignored, as by Moodle's PostgreSQL driver
     * @param bool $notlike NOT LIKE
     * @param string $escapechar the escape character
     * @return string
     */
    public function sql_like(
        $fieldname,
        $param,
        $casesensitive = true,
        $accentsensitive = true,
        $notlike = false,
        $escapechar = '\\'
    ) {
        $like = $casesensitive ? 'LIKE' : 'ILIKE';
        return "$fieldname " . ($notlike ? 'NOT ' : '') . "$like $param ESCAPE '$escapechar'";
    }

    /**
     * Escapes LIKE's wildcards.
     *
     * @param string $text the text
     * @param string $escapechar the escape character
     * @return string
     */
    public function sql_like_escape($text, $escapechar = '\\') {
        return str_replace(['_', '%'], [$escapechar . '_', $escapechar . '%'], str_replace(
            $escapechar,
            $escapechar . $escapechar,
            $text
        ));
    }

    /**
     * Concatenation, as Moodle's PostgreSQL driver writes it.
     *
     * @param string ...$arr the expressions
     * @return string
     */
    public function sql_concat(...$arr) {
        return "'' || " . implode(' || ', array_map(static fn($e): string => "COALESCE($e, '')", $arr));
    }

    /**
     * Whether a transaction is open (never, in these tests: observers run as after a commit).
     *
     * @return bool
     */
    public function is_transaction_started() {
        return false;
    }

    /**
     * A WHERE clause from conditions.
     *
     * @param array $conditions column => value
     * @param string $prefix parameter prefix
     * @return array [sql, params]
     */
    private function where(array $conditions, string $prefix = 'c'): array {
        $parts = [];
        $params = [];
        $i = 0;
        foreach ($conditions as $column => $value) {
            if ($value === null) {
                $parts[] = "$column IS NULL";
                continue;
            }
            $name = $prefix . $i++;
            $parts[] = "$column = :$name";
            $params[$name] = $value;
        }
        return [implode(' AND ', $parts), $params];
    }
}

/**
 * Moodle's exception for a record that must exist.
 */
class dml_missing_record_exception extends RuntimeException {
}
