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
 * Tests of the mapping from the service's workspace to the template's context.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\workspace_mapper;

/**
 * The mapping shows dates as the user reads them, words in their language and links to the courses, and gives the
 * template every variable its example context documents.
 *
 * @covers \local_eadtutors\local\workspace_mapper
 */
final class workspace_mapper_test extends \basic_testcase {
    /**
     * A mapper with plain strings, dates and URLs.
     *
     * @return workspace_mapper
     */
    private function mapper(): workspace_mapper {
        return new workspace_mapper(
            static fn(string $key): string => '[' . $key . ']',
            static fn(int $time, bool $withtime): string => gmdate($withtime ? 'd/m/Y H:i' : 'd/m/Y', $time),
            static fn(int $courseid): string => 'https://moodle.example/course/view.php?id=' . $courseid
        );
    }

    /**
     * The service's workspace of the fixture.
     *
     * @return array
     */
    private function workspace(): array {
        return json_decode((string) file_get_contents(__DIR__ . '/fixtures/workspace.json'), true);
    }

    /**
     * Test: the workspace becomes the templates context.
     */
    public function test_the_workspace_becomes_the_templates_context(): void {
        $context = $this->mapper()->context($this->workspace());
        $this->assertSame('Camille Dupont', $context['name']);
        $this->assertTrue($context['hasassignments']);
        $this->assertSame([
            'url' => 'https://moodle.example/course/view.php?id=120',
            'fullname' => 'Français 3e primaire – Lire & comprendre',
            'shortname' => 'EAD-F-FRAN-1',
            'role' => '[role_tutor]',
            'period' => '01/09/2026 – 30/06/2027',
            'hours' => 40,
            'current' => true,
        ], $context['assignments'][0]);
        $this->assertSame('[role_author]', $context['assignments'][1]['role']);
        $this->assertSame([['title' => 'Prise en main de Moodle', 'topic' => '[topic_moodle]', 'date' => '12/10/2026 15:00']],
            $context['done']);
        $this->assertSame('08/12/2026 08:30', $context['upcoming'][0]['date']);
        $this->assertSame([['label' => '[topic_pedagogy] ([kind_initial], [role_author])']], $context['missing']);

        $latest = $context['evaluations'][0];
        $this->assertTrue($latest['latest']);
        $this->assertFalse($latest['acknowledged']);
        $this->assertSame('3,2 / 4', $latest['score']);
        $this->assertSame('03/11/2026', $latest['date']);
        $this->assertTrue($context['evaluations'][1]['acknowledged']);
        $this->assertFalse($context['evaluations'][1]['latest']);
        $this->assertSame('10/11/2025 09:00', $context['evaluations'][1]['acknowledgeddate']);

        $review = $context['reviews'][0];
        $this->assertSame('[state_changes_requested]', $review['state']);
        $this->assertSame('07/12/2026', $review['deadline']);
        $this->assertTrue($review['open']);
        $this->assertSame('Normes et balises rédactionnelles › Balises rédactionnelles appliquées', $review['findings'][0]['criterion']);
        $this->assertTrue($review['findings'][0]['answerable']);
        $this->assertSame([['author' => 'Camille Dupont', 'text' => 'Objectifs ajoutés.', 'date' => '24/11/2026 09:12']],
            $review['findings'][0]['answers']);
        $this->assertSame('', $review['findings'][1]['comment']);
    }

    /**
     * Test: an empty workspace says so.
     */
    public function test_an_empty_workspace_says_so(): void {
        $context = $this->mapper()->context(['vacataire' => ['name' => 'Sam'], 'assignments' => [], 'trainings' => [],
            'evaluations' => [], 'reviews' => []]);
        foreach (['hasassignments', 'hasdone', 'hasupcoming', 'hasmissing', 'hasevaluations', 'hasreviews'] as $flag) {
            $this->assertFalse($context[$flag], $flag);
        }
    }

    /**
     * Test: the templates example context parses and has every variable the mapper gives.
     */
    public function test_the_templates_example_context_parses_and_has_every_variable_the_mapper_gives(): void {
        $template = (string) file_get_contents(__DIR__ . '/../templates/workspace.mustache');
        $this->assertSame(1, preg_match('/Example context \(json\):\s*(\{.*\})\s*\}\}/s', $template, $m));
        $example = json_decode($m[1], true);
        $this->assertIsArray($example, 'the example context must be valid JSON');
        $context = $this->mapper()->context($this->workspace());
        $this->assertSame([], array_diff(array_keys($context), array_keys($example)));
        $this->assertSame([], array_diff(array_keys($context['assignments'][0]), array_keys($example['assignments'][0])));
        $this->assertSame([], array_diff(array_keys($context['evaluations'][0]), array_keys($example['evaluations'][0])));
        $this->assertSame([], array_diff(array_keys($context['reviews'][0]), array_keys($example['reviews'][0])));
        $this->assertSame([], array_diff(array_keys($context['reviews'][0]['findings'][0]),
            array_keys($example['reviews'][0]['findings'][0])));
    }
}
