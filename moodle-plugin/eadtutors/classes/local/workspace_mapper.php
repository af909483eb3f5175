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
 * Turns the EAD service's workspace into the context of the workspace template.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Maps the service's answer (dates in ISO 8601, codes in capitals) to what the template shows (dates as the user reads
 * them, words in the user's language, links to the courses). Everything Moodle-specific comes in as closures, so that
 * the mapping is tested without Moodle.
 */
final class workspace_mapper {
    /** @var \Closure(string): string A language string of the plugin. */
    private \Closure $string;
    /** @var \Closure(int, bool): string A date (true: with the time) as the user reads it. */
    private \Closure $date;
    /** @var \Closure(int): string The URL of a Moodle course. */
    private \Closure $courseurl;

    /**
     * Constructor.
     *
     * @param \Closure $string language string of the plugin by key
     * @param \Closure $date formats a timestamp, with the time or not
     * @param \Closure $courseurl the URL of a course by id
     */
    public function __construct(\Closure $string, \Closure $date, \Closure $courseurl) {
        $this->string = $string;
        $this->date = $date;
        $this->courseurl = $courseurl;
    }

    /**
     * The mapper with Moodle's strings, dates and URLs.
     *
     * @return self
     */
    public static function create(): self {
        return new self(
            static fn(string $key): string => get_string($key, 'local_eadtutors'),
            static fn(int $time, bool $withtime): string => userdate($time,
                get_string($withtime ? 'strftimedatetimeshort' : 'strftimedate', 'langconfig')),
            static fn(int $courseid): string => (new \moodle_url('/course/view.php', ['id' => $courseid]))->out(false)
        );
    }

    /**
     * The template's context.
     *
     * @param array $workspace the service's answer
     * @return array
     */
    public function context(array $workspace): array {
        $assignments = array_map(fn(array $a): array => [
            'url' => ($this->courseurl)((int) $a['moodleCourseId']),
            'fullname' => (string) $a['moduleFullname'],
            'shortname' => (string) $a['moduleShortname'],
            'role' => ($this->string)('role_' . strtolower((string) $a['role'])),
            'period' => $this->day($a['startsOn']) . ' – ' . $this->day($a['endsOn']),
            'hours' => (int) $a['hours'],
            'current' => (bool) $a['current'],
        ], $workspace['assignments'] ?? []);
        $trainings = $workspace['trainings'] ?? [];
        $done = array_map(fn(array $t): array => $this->training($t, $t['completedAt'] ?? $t['startsAt']), $trainings['done'] ?? []);
        $upcoming = array_map(fn(array $t): array => $this->training($t, $t['startsAt']), $trainings['upcoming'] ?? []);
        $missing = array_map(fn(array $m): array => [
            'label' => ($this->string)('topic_' . strtolower((string) $m['topic'])) . ' (' .
                ($this->string)('kind_' . strtolower((string) $m['kind'])) . ', ' .
                ($this->string)('role_' . strtolower((string) $m['role'])) . ')',
        ], $trainings['missing'] ?? []);
        $evaluations = array_values(array_map(fn(array $e, int $i): array => [
            'id' => (int) $e['id'],
            'date' => $this->day($e['evaluatedOn']),
            'score' => number_format((float) $e['weightedScore'], 1, ',', ' ') . ' / 4',
            'comment' => (string) ($e['comment'] ?? ''),
            'latest' => $i === 0,
            'acknowledged' => !empty($e['acknowledgedAt']),
            'acknowledgeddate' => empty($e['acknowledgedAt']) ? '' : $this->moment($e['acknowledgedAt']),
            'vacatairecomment' => (string) ($e['vacataireComment'] ?? ''),
        ], $workspace['evaluations'] ?? [], array_keys($workspace['evaluations'] ?? [])));
        $reviews = array_map(fn(array $r): array => $this->review($r), $workspace['reviews'] ?? []);
        return [
            'name' => (string) ($workspace['vacataire']['name'] ?? ''),
            'assignments' => $assignments,
            'hasassignments' => $assignments !== [],
            'done' => $done,
            'hasdone' => $done !== [],
            'upcoming' => $upcoming,
            'hasupcoming' => $upcoming !== [],
            'missing' => $missing,
            'hasmissing' => $missing !== [],
            'evaluations' => $evaluations,
            'hasevaluations' => $evaluations !== [],
            'reviews' => $reviews,
            'hasreviews' => $reviews !== [],
        ];
    }

    /**
     * A review of one of the vacataire's modules, with its findings, the latest round first.
     *
     * @param array $r the service's review
     * @return array
     */
    private function review(array $r): array {
        $findings = $r['findings'] ?? [];
        usort($findings, static fn(array $a, array $b): int => [$b['round'], $a['id']] <=> [$a['round'], $b['id']]);
        $open = (bool) ($r['answerable'] ?? false);
        return [
            'module' => (string) $r['moduleFullname'],
            'state' => ($this->string)('state_' . strtolower((string) $r['state'])),
            'round' => (int) $r['round'],
            'deadline' => empty($r['deadline']) ? '' : $this->day($r['deadline']),
            'score' => isset($r['score']) ? $r['score'] . ' %' : '',
            'open' => $open,
            'findings' => array_map(fn(array $f): array => [
                'id' => (int) $f['id'],
                'round' => (int) $f['round'],
                'criterion' => (string) $f['section'] . ' › ' . (string) $f['criterion'],
                'value' => (string) $f['value'],
                'comment' => (string) ($f['comment'] ?? ''),
                'answerable' => $open && (int) $f['round'] === (int) $r['round'],
                'answers' => array_map(fn(array $a): array => [
                    'author' => (string) $a['author'],
                    'text' => (string) $a['text'],
                    'date' => $this->moment($a['answeredAt']),
                ], $f['answers'] ?? []),
            ], $findings),
        ];
    }

    /**
     * A training session as the template shows it.
     *
     * @param array $t the session
     * @param string $when the moment to show
     * @return array
     */
    private function training(array $t, string $when): array {
        return [
            'title' => (string) $t['title'],
            'topic' => ($this->string)('topic_' . strtolower((string) $t['topic'])),
            'date' => $this->moment($when),
        ];
    }

    /**
     * A date (2026-09-01) as the user reads it.
     *
     * @param string $iso the date
     * @return string
     */
    private function day(string $iso): string {
        $time = strtotime($iso . 'T12:00:00Z');
        return $time === false ? $iso : ($this->date)($time, false);
    }

    /**
     * A moment (2026-11-23T10:00:00Z) as the user reads it.
     *
     * @param string $iso the moment
     * @return string
     */
    private function moment(string $iso): string {
        $time = strtotime($iso);
        return $time === false ? $iso : ($this->date)($time, true);
    }
}
