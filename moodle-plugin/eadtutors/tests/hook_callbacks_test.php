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
 * Tests of the navigation link and of the workspace page: who sees them, and when the EAD service is asked.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use core\hook\navigation\primary_extend;
use local_eadtutors\local\hook_callbacks;
use local_eadtutors\local\http_transport;
use local_eadtutors\local\service_unavailable;
use local_eadtutors\local\staff_status;
use local_eadtutors\local\workspace_page;

/**
 * The navigation decides locally (never calling the service, for any user); the workspace page asks the service for
 * the EAD's authors and tutors only.
 *
 * @covers \local_eadtutors\local\hook_callbacks
 * @covers \local_eadtutors\local\staff_status
 * @covers \local_eadtutors\local\workspace_page
 */
final class hook_callbacks_test extends \advanced_testcase {
    /** @var \stdClass A tutor in a course of the EAD tree. */
    private \stdClass $tutor;
    /** @var \stdClass A learner in that course. */
    private \stdClass $learner;
    /** @var \stdClass A teacher of a course outside the tree. */
    private \stdClass $outsider;
    /** @var \stdClass The EAD course. */
    private \stdClass $course;

    /**
     * A site with the EAD tree and the service configured.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->resetAfterTest();
        $generator = $this->getDataGenerator();
        $root = $generator->create_category(['name' => 'EAD']);
        $other = $generator->create_category(['name' => 'Autre']);
        $this->course = $generator->create_course(['category' => $root->id]);
        $othercourse = $generator->create_course(['category' => $other->id]);
        $this->tutor = $generator->create_user();
        $this->learner = $generator->create_user();
        $this->outsider = $generator->create_user();
        $generator->enrol_user($this->tutor->id, $this->course->id, 'teacher');
        $generator->enrol_user($this->learner->id, $this->course->id, 'student');
        $generator->enrol_user($this->outsider->id, $othercourse->id, 'editingteacher');
        set_config('categoryroots', (string) $root->id, 'local_eadtutors');
        // As the settings page saves it on install: the roles of the editingteacher and teacher archetypes.
        set_config('staffroles', '3,4', 'local_eadtutors');
        set_config('serviceurl', 'https://ead.example.be', 'local_eadtutors');
        set_config('secret', 'secret-des-tests', 'local_eadtutors');
        set_config('timeout', '5', 'local_eadtutors');
    }

    /**
     * A transport that records requests and answers from a list, or fails the test when it has nothing to answer.
     *
     * @param array $answers [status, body] pairs or exceptions
     * @return http_transport
     */
    private function transport(array $answers = []): http_transport {
        $transport = new class ($answers) implements http_transport {
            /** @var array The requests sent. */
            public array $requests = [];

            /**
             * Constructor.
             *
             * @param array $answers what to answer
             */
            public function __construct(
                /** @var array What to answer. */
                private array $answers
            ) {
            }

            /**
             * Answers the next request, or fails the test.
             *
             * @param string $method method
             * @param string $url URL
             * @param array $headers headers
             * @param string $body body
             * @param int $timeout seconds
             * @return array
             */
            public function request(string $method, string $url, array $headers, string $body, int $timeout): array {
                $this->requests[] = compact('method', 'url', 'headers');
                if ($this->answers === []) {
                    \PHPUnit\Framework\Assert::fail("The EAD service was called: $method $url");
                }
                $next = array_shift($this->answers);
                if ($next instanceof \Throwable) {
                    throw $next;
                }
                return ['status' => $next[0], 'body' => $next[1]];
            }
        };
        \core\di::set(http_transport::class, $transport);
        return $transport;
    }

    /**
     * The primary navigation after the hook, for the user logged in.
     *
     * @return \core\navigation\views\primary
     */
    private function navigation(): \core\navigation\views\primary {
        global $PAGE;
        $view = new \core\navigation\views\primary($PAGE);
        hook_callbacks::primary_extend(new primary_extend($view));
        return $view;
    }

    /**
     * Test: the navigation hook never calls the service, for any user, and shows the link to the tree's staff only.
     */
    public function test_the_navigation_hook_never_calls_the_service_for_any_user(): void {
        global $DB;
        $transport = $this->transport();
        $users = [
            'nobody' => [fn() => $this->setUser(null), false],
            'guest' => [fn() => $this->setGuestUser(), false],
            'admin' => [fn() => $this->setAdminUser(), false],
            'learner' => [fn() => $this->setUser($this->learner), false],
            'teacher outside the tree' => [fn() => $this->setUser($this->outsider), false],
            'tutor' => [fn() => $this->setUser($this->tutor), true],
        ];
        foreach ($users as $who => [$login, $shown]) {
            $login();
            foreach ([1, 2] as $page) {
                $link = $this->navigation()->get('local_eadtutors');
                $this->assertSame($shown, $link !== false, "$who, page $page");
            }
        }
        $this->assertSame([], $transport->requests);

        // Decided once per user, then from the cache: another page costs no query.
        $this->setUser($this->tutor);
        $queries = $DB->queries;
        $this->navigation();
        $this->assertSame($queries, $DB->queries);
    }

    /**
     * Test: the link follows role changes, forgotten by the observers, and the tree's settings.
     */
    public function test_the_link_follows_role_changes_and_settings(): void {
        global $DB;
        $this->transport();
        $this->setUser($this->learner);
        $this->assertFalse($this->navigation()->get('local_eadtutors'));
        $DB->set_field('role_assignments', 'roleid', 4, ['userid' => $this->learner->id]);
        observer::role_assigned(\core\event\role_assigned::create(['context' => \context_course::instance($this->course->id),
            'objectid' => 4, 'relateduserid' => $this->learner->id, 'other' => ['id' => 1, 'component' => '']]));
        $this->assertNotFalse($this->navigation()->get('local_eadtutors'));

        $this->setUser($this->outsider);
        $this->assertFalse($this->navigation()->get('local_eadtutors'));
        set_config('categoryroots', '', 'local_eadtutors');
        staff_status::forget_all();
        $this->assertNotFalse($this->navigation()->get('local_eadtutors'));
    }

    /**
     * Test: before the staff roles are saved, they are the roles of the editingteacher and teacher archetypes.
     */
    public function test_the_staff_roles_default_to_the_archetypes_roles(): void {
        $this->transport();
        set_config('staffroles', null, 'local_eadtutors');
        set_config('categoryroots', '', 'local_eadtutors');
        foreach ([[$this->tutor, true], [$this->outsider, true], [$this->learner, false]] as [$user, $shown]) {
            $this->setUser($user);
            $this->assertSame($shown, $this->navigation()->get('local_eadtutors') !== false);
        }
    }

    /**
     * Test: the page asks the service for a tutor, signed with their id, and shows the workspace.
     */
    public function test_the_page_asks_the_service_for_a_tutor_only(): void {
        $fixture = (string) file_get_contents(__DIR__ . '/fixtures/workspace.json');
        $transport = $this->transport([[200, $fixture]]);
        $page = workspace_page::create();

        foreach ([$this->learner, $this->outsider, (object) ['id' => 2]] as $user) {
            $this->assertSame(['unavailable' => false, 'notvacataire' => true], $page->context((int) $user->id, true));
        }
        $this->assertSame([], $transport->requests, 'only vacataires\' ids are sent to the service');

        $context = $page->context((int) $this->tutor->id, true);
        $this->assertFalse($context['notvacataire']);
        $this->assertTrue($context['canact']);
        $this->assertSame('Hello Camille Dupont, here is your EAD work.', $context['welcome']);
        $this->assertCount(1, $transport->requests);
        $this->assertSame('https://ead.example.be/api/plugin/workspace', $transport->requests[0]['url']);
        $this->assertContains('X-EAD-User: ' . $this->tutor->id, $transport->requests[0]['headers']);

        // Cached: the next view asks nothing; logged in as, the forms go.
        $this->assertFalse($page->context((int) $this->tutor->id, false)['canact']);
        $this->assertCount(1, $transport->requests);
    }

    /**
     * Test: a service that is down shows the message on the page, and the link stays.
     */
    public function test_a_service_that_is_down_shows_the_message_and_the_link_stays(): void {
        $this->transport([new service_unavailable('network', 'Connection refused')]);
        $this->setUser($this->tutor);
        $this->assertSame(
            ['unavailable' => true, 'notvacataire' => false],
            workspace_page::create()->context((int) $this->tutor->id, true)
        );
        $this->assertSame(['local_eadtutors: network: Connection refused'], \stub_site::$debugging);
        $this->assertNotFalse($this->navigation()->get('local_eadtutors'));

        force_current_language('fr');
        $this->assertSame('Le service EAD ne répond pas pour le moment : votre espace ne peut pas être affiché. Moodle ' .
            'fonctionne normalement ; réessayez dans quelques minutes.', get_string('unavailable', 'local_eadtutors'));
    }

    /**
     * Test: a tutor the service does not know sees the sentence, and the answer is cached too.
     */
    public function test_a_tutor_the_service_does_not_know_sees_the_sentence(): void {
        $transport = $this->transport([[404, '{"status":404}']]);
        $page = workspace_page::create();
        $this->assertTrue($page->context((int) $this->tutor->id, true)['notvacataire']);
        $this->assertTrue($page->context((int) $this->tutor->id, true)['notvacataire']);
        $this->assertCount(1, $transport->requests);
    }

    /**
     * Test: a plain http service URL is refused, localhost aside.
     */
    public function test_a_plain_http_service_url_is_refused(): void {
        $transport = $this->transport([[404, '{"status":404}']]);
        set_config('serviceurl', 'http://ead.example.be', 'local_eadtutors');
        $this->assertTrue(workspace_page::create()->context((int) $this->tutor->id, true)['unavailable']);
        $this->assertSame([], $transport->requests);
        set_config('serviceurl', 'http://localhost:8080', 'local_eadtutors');
        $this->assertTrue(workspace_page::create()->context((int) $this->tutor->id, true)['notvacataire']);
        $this->assertSame('http://localhost:8080/api/plugin/workspace', $transport->requests[0]['url']);
    }
}
