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
 * The client of the EAD service's plugin API: signed requests for one Moodle user.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Asks the EAD service for a vacataire's workspace and sends their actions, every request signed for that user.
 */
final class service_client {
    /** @var http_transport The HTTP layer. */
    private http_transport $http;
    /** @var string The service's base URL, without a trailing slash. */
    private string $baseurl;
    /** @var signer Signs the requests. */
    private signer $signer;
    /** @var int Seconds before giving up. */
    private int $timeout;
    /** @var \Closure(): int The clock, seconds since the epoch. */
    private \Closure $clock;

    /**
     * Constructor.
     *
     * @param http_transport $http the HTTP layer
     * @param string $baseurl the service's base URL
     * @param string $secret the shared secret
     * @param int $timeout seconds before giving up
     * @param \Closure|null $clock returns the time in seconds (time() when null)
     */
    public function __construct(http_transport $http, string $baseurl, string $secret, int $timeout, ?\Closure $clock = null) {
        $this->http = $http;
        $this->baseurl = rtrim($baseurl, '/');
        $this->signer = new signer($secret);
        $this->timeout = max(1, $timeout);
        $this->clock = $clock ?? static fn(): int => time();
    }

    /**
     * The client as the site is configured, over the HTTP layer of Moodle's container (curl_transport, see
     * hook_callbacks::di_configuration).
     *
     * @param int|null $timeout seconds, instead of the configured timeout
     * @return self
     * @throws service_unavailable when the service URL or the secret is not set, or the URL is not https
     */
    public static function create(?int $timeout = null): self {
        $url = (string) get_config('local_eadtutors', 'serviceurl');
        $secret = (string) get_config('local_eadtutors', 'secret');
        if ($url === '' || $secret === '') {
            throw new service_unavailable('config', 'serviceurl or secret not set');
        }
        if (!service_url::acceptable($url)) {
            throw new service_unavailable('config', 'the service URL must be https (http only on localhost)');
        }
        return new self(
            \core\di::get(http_transport::class),
            $url,
            $secret,
            $timeout ?? (int) get_config('local_eadtutors', 'timeout')
        );
    }

    /**
     * The vacataire's workspace.
     *
     * @param int $userid the Moodle user id
     * @return array|null the workspace as the service gives it; null when the user is not a vacataire
     * @throws service_unavailable
     */
    public function workspace(int $userid): ?array {
        [$status, $data] = $this->call('GET', '/api/plugin/workspace', $userid, '');
        if ($status === 404) {
            return null;
        }
        if ($status !== 200 || !isset($data['vacataire'])) {
            throw new service_unavailable('status', 'workspace answered ' . $status);
        }
        return $data;
    }

    /**
     * Acknowledges one of the vacataire's evaluations.
     *
     * @param int $userid the Moodle user id
     * @param int $evaluationid the evaluation
     * @param string $comment an optional comment
     * @return string|null null when done, else the service's reason (in French)
     * @throws service_unavailable
     */
    public function acknowledge(int $userid, int $evaluationid, string $comment): ?string {
        $body = json_encode(['comment' => $comment === '' ? null : $comment], JSON_UNESCAPED_UNICODE);
        return $this->act('/api/plugin/evaluations/' . $evaluationid . '/acknowledgement', $userid, $body);
    }

    /**
     * Answers a review finding on one of the vacataire's modules.
     *
     * @param int $userid the Moodle user id
     * @param int $findingid the finding
     * @param string $text the answer
     * @return string|null null when done, else the service's reason (in French)
     * @throws service_unavailable
     */
    public function answer(int $userid, int $findingid, string $text): ?string {
        return $this->act(
            '/api/plugin/findings/' . $findingid . '/answers',
            $userid,
            json_encode(['text' => $text], JSON_UNESCAPED_UNICODE)
        );
    }

    /**
     * Sends an action; a refusal (4xx but 401) gives the service's reason.
     *
     * @param string $path the path
     * @param int $userid the Moodle user id
     * @param string $body the JSON body
     * @return string|null
     * @throws service_unavailable
     */
    private function act(string $path, int $userid, string $body): ?string {
        [$status, $data] = $this->call('POST', $path, $userid, $body);
        if ($status >= 200 && $status < 300) {
            return null;
        }
        if ($status >= 400 && $status < 500 && $status !== 401 && isset($data['detail']) && is_string($data['detail'])) {
            return $data['detail'];
        }
        throw new service_unavailable('status', $path . ' answered ' . $status);
    }

    /**
     * One signed request.
     *
     * @param string $method HTTP method
     * @param string $path path under the base URL
     * @param int $userid the Moodle user id
     * @param string $body the body
     * @return array{0: int, 1: array} the status and the decoded JSON body
     * @throws service_unavailable
     */
    private function call(string $method, string $path, int $userid, string $body): array {
        $headers = $this->signer->headers($method, $path, ($this->clock)(), signer::nonce(), $userid, $body);
        $answer = $this->http->request($method, $this->baseurl . $path, $headers, $body, $this->timeout);
        $status = $answer['status'];
        if ($status === 401) {
            throw new service_unavailable('signature', 'the service refused the signature (shared secret or clock)');
        }
        if ($status >= 500) {
            throw new service_unavailable('status', $path . ' answered ' . $status);
        }
        $data = $answer['body'] === '' ? [] : json_decode($answer['body'], true);
        if (!is_array($data)) {
            throw new service_unavailable('format', $path . ' did not answer JSON');
        }
        return [$status, $data];
    }
}
