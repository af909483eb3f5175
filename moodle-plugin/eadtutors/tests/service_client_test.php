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
 * Tests of the EAD service's client, over a stubbed HTTP layer.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\http_transport;
use local_eadtutors\local\service_client;
use local_eadtutors\local\service_unavailable;
use local_eadtutors\local\signer;

/**
 * What the client sends (signed requests) and how it reads every answer: the workspace, a user who is not a vacataire,
 * refusals, and a service that is down, slow, misconfigured or answers garbage.
 *
 * @covers \local_eadtutors\local\service_client
 */
final class service_client_test extends \basic_testcase {
    /** The shared secret of these tests. */
    private const SECRET = 'secret-partage-des-tests';

    /**
     * A stubbed HTTP layer that answers from a list and keeps the requests.
     *
     * @param array $answers each a [status, body] pair, or a service_unavailable to throw
     * @return http_transport
     */
    private function stub(array $answers): http_transport {
        return new class ($answers) implements http_transport {
            /** @var array The requests sent. */
            public array $requests = [];
            /** @var array What to answer. */
            private array $answers;

            /**
             * Constructor.
             *
             * @param array $answers the answers
             */
            public function __construct(array $answers) {
                $this->answers = $answers;
            }

            /**
             * Answers the next one.
             *
             * @param string $method method
             * @param string $url URL
             * @param array $headers headers
             * @param string $body body
             * @param int $timeout seconds
             * @return array
             */
            public function request(string $method, string $url, array $headers, string $body, int $timeout): array {
                $this->requests[] = compact('method', 'url', 'headers', 'body', 'timeout');
                $next = array_shift($this->answers);
                if ($next instanceof \Throwable) {
                    throw $next;
                }
                return ['status' => $next[0], 'body' => $next[1]];
            }
        };
    }

    /**
     * A client on the stub, at a fixed time.
     *
     * @param http_transport $http the stub
     * @return service_client
     */
    private function client(http_transport $http): service_client {
        return new service_client($http, 'https://ead.example.be/', self::SECRET, 4, static fn(): int => 1795000000);
    }

    /**
     * Test: the workspace is asked with a signed request.
     */
    public function test_the_workspace_is_asked_with_a_signed_request(): void {
        $workspace = (string) file_get_contents(__DIR__ . '/fixtures/workspace.json');
        $http = $this->stub([[200, $workspace]]);
        $data = $this->client($http)->workspace(2001);
        $this->assertSame('Camille Dupont', $data['vacataire']['name']);

        $sent = $http->requests[0];
        $this->assertSame('GET', $sent['method']);
        $this->assertSame('https://ead.example.be/api/plugin/workspace', $sent['url']);
        $this->assertSame(4, $sent['timeout']);
        $headers = [];
        foreach ($sent['headers'] as $line) {
            [$name, $value] = explode(': ', $line, 2);
            $headers[$name] = $value;
        }
        $this->assertSame('1795000000', $headers['X-EAD-Timestamp']);
        $this->assertSame('2001', $headers['X-EAD-User']);
        $this->assertSame((new signer(self::SECRET))->sign(
            'GET',
            '/api/plugin/workspace',
            '1795000000',
            $headers['X-EAD-Nonce'],
            '2001',
            ''
        ), $headers['X-EAD-Signature']);
    }

    /**
     * Test: a user the service does not know is no vacataire.
     */
    public function test_a_user_the_service_does_not_know_is_no_vacataire(): void {
        $notfound = '{"title":"Introuvable","status":404,"detail":"L\'utilisateur Moodle 5 n\'est pas un vacataire."}';
        $http = $this->stub([[404, $notfound]]);
        $this->assertNull($this->client($http)->workspace(5));
    }

    /**
     * Every way the service can fail: each is a service_unavailable with its reason, never a PHP warning.
     *
     * @return array
     */
    public static function failures(): array {
        return [
            'down' => [new service_unavailable('network', 'Connection refused'), 'network'],
            'slow' => [new service_unavailable('network', 'Operation timed out after 4000 milliseconds'), 'network'],
            'error' => [[503, '{"status":503}'], 'status'],
            'wrong secret' => [[401, '{"status":401,"detail":"Signature invalide"}'], 'signature'],
            'not JSON' => [[200, '<html>proxy error</html>'], 'format'],
            'not a workspace' => [[200, '{"unexpected":true}'], 'status'],
        ];
    }

    /**
     * A failure of the service.
     *
     * @dataProvider failures
     * @param mixed $answer what the stub answers
     * @param string $reason the reason expected
     */
    public function test_a_failing_service_is_unavailable(mixed $answer, string $reason): void {
        try {
            $this->client($this->stub([$answer]))->workspace(2001);
            $this->fail('service_unavailable expected');
        } catch (service_unavailable $e) {
            $this->assertSame($reason, $e->reason);
        }
    }

    /**
     * Test: actions are posted signed and a refusal gives the services reason.
     */
    public function test_actions_are_posted_signed_and_a_refusal_gives_the_services_reason(): void {
        $http = $this->stub([
            [200, '{"id":7}'],
            [409, '{"status":409,"detail":"Cette évaluation a déjà été prise en connaissance."}'],
            [201, '{"id":3}'],
            [500, ''],
        ]);
        $client = $this->client($http);
        $this->assertNull($client->acknowledge(2001, 7, 'Merci, j\'en prends note.'));
        $this->assertSame('{"comment":"Merci, j\'en prends note."}', $http->requests[0]['body']);
        $this->assertSame('https://ead.example.be/api/plugin/evaluations/7/acknowledgement', $http->requests[0]['url']);
        $this->assertSame('Cette évaluation a déjà été prise en connaissance.', $client->acknowledge(2001, 7, ''));
        $this->assertSame('{"comment":null}', $http->requests[1]['body']);
        $this->assertNull($client->answer(2001, 42, 'Objectifs ajoutés.'));
        $this->assertSame('POST', $http->requests[2]['method']);
        $this->expectException(service_unavailable::class);
        $client->answer(2001, 42, 'encore');
    }
}
