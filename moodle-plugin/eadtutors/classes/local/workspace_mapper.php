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
 * Maps the service's answer (dates in ISO 8601, codes in capitals) to what the template shows (dates and numbers as the
 * user reads them, words and punctuation from the user's language pack, links to the courses). Everything
 * Moodle-specific comes in as closures, so that the mapping is tested without Moodle.
 */
final class workspace_mapper {
    /** @var \Closure(string, mixed): string A language string of the plugin, with its placeholder values. */
    private \Closure $string;
    /** @var \Closure(float, int): string A number as the user reads it (format_float), with so many decimals. */
    private \Closure $number;
    /** @var \Closure(int, bool): string A date (true: with the time) as the user reads it. */
    private \Closure $date;
    /** @var \Closure(int): string The URL of a Moodle course. */
    private \Closure $courseurl;

    /**
     * Constructor.
     *
     * @param \Closure $string language string of the plugin by key, with its placeholder values
     * @param \Closure $number formats a number with so many decimals
     * @param \Closure $date formats a timestamp, with the time or not
     * @param \Closure $courseurl the URL of a course by id
     */
    public function __construct(\Closure $string, \Closure $number, \Closure $date, \Closure $courseurl) {
        $this->string = $string;
        $this->number = $number;
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
            static fn(string $key, $a = null): string => get_string($key, 'local_eadtutors', $a),
            static fn(float $value, int $decimals): string => format_float($value, $decimals),
            static fn(int $time, bool $withtime): string => userdate(
                $time,
                get_string($withtime ? 'strftimedatetimeshort' : 'strftimedate', 'langconfig')
            ),
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
            'role' => $this->word('role', $a['role']),
            'period' => ($this->string)('periodrange', (object) ['from' => $this->day($a['startsOn']),
                'to' => $this->day($a['endsOn'])]),
            // Zero: adopted from Moodle without hours; said so, not shown as 0.
            'hours' => (float) $a['hours'] == 0.0 ? ($this->string)('hoursunset') : ($this->number)((float) $a['hours'], -1),
            'current' => (bool) $a['current'],
        ], $workspace['assignments'] ?? []);
        $trainings = $workspace['trainings'] ?? [];
        $done = array_map(
            fn(array $t): array => $this->training($t, $t['completedAt'] ?? $t['startsAt']),
            $trainings['done'] ?? []
        );
        $upcoming = array_map(fn(array $t): array => $this->training($t, $t['startsAt']), $trainings['upcoming'] ?? []);
        $missing = array_map(fn(array $m): array => [
            'label' => ($this->string)('missingtraining', (object) [
                'topic' => $this->word('topic', $m['topic']),
                'kind' => $this->word('kind', $m['kind']),
                'role' => $this->word('role', $m['role']),
            ]),
        ], $trainings['missing'] ?? []);
        $evaluations = array_values(array_map(
            fn(array $e, int $i): array => $this->evaluation($e, $i === 0),
            $workspace['evaluations'] ?? [],
            array_keys($workspace['evaluations'] ?? [])
        ));
        $reviews = array_map(fn(array $r): array => $this->review($r), $workspace['reviews'] ?? []);
        return [
            'welcome' => ($this->string)('welcome', (string) ($workspace['vacataire']['name'] ?? '')),
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
     * An evaluation; the latest one can be acknowledged.
     *
     * @param array $e the service's evaluation
     * @param bool $latest whether it is the latest
     * @return array
     */
    private function evaluation(array $e, bool $latest): array {
        $acknowledged = !empty($e['acknowledgedAt']);
        $comment = (string) ($e['vacataireComment'] ?? '');
        return [
            'id' => (int) $e['id'],
            'heading' => ($this->string)('evaluationof', $this->day($e['evaluatedOn'])),
            'score' => ($this->string)('evaluationscore', (object) [
                'score' => ($this->number)((float) $e['weightedScore'], 1),
                'max' => ($this->number)(4.0, 0),
            ]),
            'comment' => (string) ($e['comment'] ?? ''),
            'latest' => $latest,
            'acknowledged' => $acknowledged,
            'acknowledgement' => $acknowledged ? ($this->string)('acknowledgedon', $this->moment($e['acknowledgedAt'])) : '',
            'vacatairecomment' => $comment === '' ? '' : ($this->string)('yourcomment', $comment),
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
            'state' => $this->word('state', $r['state']),
            'round' => (int) $r['round'],
            'deadline' => empty($r['deadline']) ? '' : ($this->string)('deadline', $this->day($r['deadline'])),
            'score' => isset($r['score']) ? ($this->string)('reviewscore', ($this->number)((float) $r['score'], 1)) : '',
            'open' => $open,
            'findings' => array_map(
                fn(array $f): array => $this->finding($f, $open && (int) $f['round'] === (int) $r['round']),
                $findings
            ),
        ];
    }

    /**
     * A review finding, with the names of its answer form's controls (each distinct: they name the criterion). A finding
     * is answered when the reviewer commented it, in the current round of an open review.
     *
     * @param array $f the service's finding
     * @param bool $current whether it belongs to the current round of an open review
     * @return array
     */
    private function finding(array $f, bool $current): array {
        $comment = (string) ($f['comment'] ?? '');
        $criterion = ($this->string)('criterionpath', (object) ['section' => (string) $f['section'],
            'criterion' => (string) $f['criterion']]);
        return [
            'id' => (int) $f['id'],
            'round' => (int) $f['round'],
            'criterion' => $criterion,
            'value' => ($this->string)('findingvalue', (string) $f['value']),
            'comment' => $comment,
            'answerable' => $current && $comment !== '',
            'answerlabel' => ($this->string)('answerto', $criterion),
            'answerfieldlabel' => ($this->string)('youranswerto', $criterion),
            'answers' => array_map(fn(array $a): array => [
                'by' => ($this->string)('answerby', (object) ['author' => (string) $a['author'],
                    'date' => $this->moment($a['answeredAt'])]),
                'text' => (string) $a['text'],
            ], $f['answers'] ?? []),
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
            'line' => ($this->string)('trainingline', (object) [
                'date' => $this->moment($when),
                'title' => (string) $t['title'],
                'topic' => $this->word('topic', $t['topic']),
            ]),
        ];
    }

    /**
     * A code of the service (TUTOR, CHANGES_REQUESTED) in the user's language.
     *
     * @param string $prefix the strings' prefix (role, topic, kind, state)
     * @param mixed $code the code
     * @return string
     */
    private function word(string $prefix, $code): string {
        return ($this->string)($prefix . '_' . strtolower((string) $code), null);
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
