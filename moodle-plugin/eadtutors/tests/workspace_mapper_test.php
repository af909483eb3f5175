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
 * The mapping shows dates and numbers as the user reads them, words and punctuation from the language pack, links to
 * the courses, and gives the template every variable its example context documents.
 *
 * @covers \local_eadtutors\local\workspace_mapper
 */
final class workspace_mapper_test extends \basic_testcase {
    /**
     * A mapper with the plugin's strings and Moodle's format_float in a language, dates in UTC.
     *
     * @param string $lang the language
     * @return workspace_mapper
     */
    private function mapper(string $lang = 'fr'): workspace_mapper {
        force_current_language($lang);
        return new workspace_mapper(
            static fn(string $key, $a = null): string => get_string($key, 'local_eadtutors', $a),
            static fn(float $value, int $decimals): string => format_float($value, $decimals),
            static fn(int $time, bool $withtime): string => gmdate($withtime ? 'd/m/Y H:i' : 'd/m/Y', $time),
            static fn(int $courseid): string => 'https://moodle.example/course/view.php?id=' . $courseid
        );
    }

    /**
     * Back to English after each test.
     */
    protected function tearDown(): void {
        force_current_language('en');
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
     * Test: the workspace becomes the template's context, in French.
     */
    public function test_the_workspace_becomes_the_templates_context(): void {
        $context = $this->mapper()->context($this->workspace());
        $this->assertSame('Bonjour Camille Dupont, voici votre travail à l\'EAD.', $context['welcome']);
        $this->assertTrue($context['hasassignments']);
        $this->assertSame([
            'url' => 'https://moodle.example/course/view.php?id=120',
            'fullname' => 'Français 3e primaire – Lire & comprendre',
            'shortname' => 'EAD-F-FRAN-1',
            'role' => 'Tutorat',
            'period' => '01/09/2026 – 30/06/2027',
            'hours' => '40',
            'current' => true,
        ], $context['assignments'][0]);
        $this->assertSame('Conception', $context['assignments'][1]['role']);
        $adopted = $this->workspace();
        $adopted['assignments'][1]['hours'] = 0;
        $this->assertSame('non précisées', $this->mapper()->context($adopted)['assignments'][1]['hours']);
        $this->assertSame([['line' => '12/10/2026 15:00 – Prise en main de Moodle (Moodle)']], $context['done']);
        $this->assertSame([['line' => '08/12/2026 08:30 – Tutorat à distance (Tutorat à distance)']], $context['upcoming']);
        $this->assertSame([['label' => 'Pédagogie en ligne (initiale, Conception)']], $context['missing']);

        $latest = $context['evaluations'][0];
        $this->assertTrue($latest['latest']);
        $this->assertFalse($latest['acknowledged']);
        $this->assertSame('Évaluation du 03/11/2026', $latest['heading']);
        $this->assertSame('Score : 3,2 / 4', $latest['score']);
        $this->assertSame('', $latest['acknowledgement']);
        $this->assertTrue($context['evaluations'][1]['acknowledged']);
        $this->assertFalse($context['evaluations'][1]['latest']);
        $this->assertSame('Prise de connaissance le 10/11/2025 09:00', $context['evaluations'][1]['acknowledgement']);
        $this->assertSame('Votre commentaire : « Merci. »', $context['evaluations'][1]['vacatairecomment']);

        $review = $context['reviews'][0];
        $this->assertSame('modifications demandées', $review['state']);
        $this->assertSame('modifications attendues pour le 07/12/2026', $review['deadline']);
        $this->assertTrue($review['open']);
        $finding = $review['findings'][0];
        $this->assertSame('Normes et balises rédactionnelles › Balises rédactionnelles appliquées', $finding['criterion']);
        $this->assertSame('Appréciation : 2 / 4', $finding['value']);
        $this->assertTrue($finding['answerable']);
        $this->assertSame(
            'Répondre à « Normes et balises rédactionnelles › Balises rédactionnelles appliquées »',
            $finding['answerlabel']
        );
        $this->assertSame(
            'Votre réponse à « Normes et balises rédactionnelles › Balises rédactionnelles appliquées »',
            $finding['answerfieldlabel']
        );
        $this->assertSame(
            [['by' => 'Réponse de Camille Dupont le 24/11/2026 09:12 :', 'text' => 'Objectifs ajoutés.']],
            $finding['answers']
        );
        $this->assertSame('', $review['findings'][1]['comment']);
        $this->assertFalse($review['findings'][1]['answerable'], 'a finding without a comment is not answered');
    }

    /**
     * Test: numbers and punctuation follow the language: a decimal point and no space before the colon in English.
     */
    public function test_numbers_and_punctuation_follow_the_language(): void {
        $workspace = $this->workspace();
        $workspace['reviews'][0]['score'] = 87.5;
        $en = $this->mapper('en')->context($workspace);
        $this->assertSame('Score: 3.2 / 4', $en['evaluations'][0]['score']);
        $this->assertSame('score 87.5%', $en['reviews'][0]['score']);
        $this->assertSame(
            'Answer “Normes et balises rédactionnelles › Balises rédactionnelles appliquées”',
            $en['reviews'][0]['findings'][0]['answerlabel']
        );
        $fr = $this->mapper('fr')->context($workspace);
        $this->assertSame('score 87,5 %', $fr['reviews'][0]['score']);
    }

    /**
     * Test: every answer button has its own accessible name.
     */
    public function test_every_answer_button_has_its_own_accessible_name(): void {
        $workspace = $this->workspace();
        $workspace['reviews'][0]['findings'][1]['comment'] = 'À préciser.';
        $findings = $this->mapper()->context($workspace)['reviews'][0]['findings'];
        $answerable = array_filter($findings, static fn(array $f): bool => $f['answerable']);
        $this->assertCount(2, $answerable);
        $labels = array_column($answerable, 'answerlabel');
        $this->assertSame($labels, array_unique($labels));
        foreach ($labels as $label) {
            $this->assertStringStartsWith('Répondre', $label, 'the accessible name starts with the visible text');
        }
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
     * Test: the template's example context parses and has every variable the mapper gives.
     */
    public function test_the_templates_example_context_parses_and_has_every_variable_the_mapper_gives(): void {
        $template = (string) file_get_contents(__DIR__ . '/../templates/workspace.mustache');
        $this->assertSame(1, preg_match('/Example context \(json\):\s*(\{.*\})\s*\}\}/s', $template, $m));
        $example = json_decode($m[1], true);
        $this->assertIsArray($example, 'the example context must be valid JSON');
        $context = $this->mapper()->context($this->workspace());
        $this->assertSame([], array_diff(array_keys($context), array_keys($example)));
        foreach (['assignments', 'done', 'upcoming', 'missing', 'evaluations', 'reviews'] as $list) {
            $this->assertSame([], array_diff(array_keys($context[$list][0]), array_keys($example[$list][0])), $list);
        }
        $this->assertSame([], array_diff(
            array_keys($context['reviews'][0]['findings'][0]),
            array_keys($example['reviews'][0]['findings'][0])
        ));
        $this->assertSame([], array_diff(
            array_keys($context['reviews'][0]['findings'][0]['answers'][0]),
            array_keys($example['reviews'][0]['findings'][0]['answers'][0])
        ));
    }

    /**
     * Test: the template follows Moodle's rules: no unescaped output, strings through the str helper, no heading jump.
     */
    public function test_the_template_follows_moodles_rules(): void {
        $template = (string) file_get_contents(__DIR__ . '/../templates/workspace.mustache');
        $this->assertStringNotContainsString('{{{', $template, 'every value escaped');
        $this->assertStringNotContainsString('{{&', $template, 'every value escaped');
        $body = substr($template, (int) strpos($template, '<div class="local-eadtutors-workspace">'));
        preg_match_all('/<h([1-6])/', $body, $m);
        $this->assertSame('2', $m[1][0], 'the page heading is the h1');
        $previous = 2;
        foreach ($m[1] as $level) {
            $this->assertLessThanOrEqual($previous + 1, (int) $level, 'headings go down one level at a time');
            $previous = (int) $level;
        }
        // Outside tags and mustache tags, the template holds no text: every word comes from a string.
        $text = preg_replace(['/\{\{#str\}\}.*?\{\{\/str\}\}/s', '/\{\{[^}]*\}\}/', '/<[^>]*>/'], '', $body);
        $this->assertSame('', trim($text));
    }
}
