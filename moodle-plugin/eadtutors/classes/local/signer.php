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
 * Signs the plugin's requests to the EAD service (HMAC-SHA256, see the service's docs/plugin.md).
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * Signs a request as the EAD service checks it.
 *
 * canonical = "EAD-HMAC-SHA256\n" . METHOD . "\n" . path?query . "\n" . timestamp . "\n" . nonce . "\n" . userid
 *             . "\n" . hex(sha256(body)); signature = hex(hmac_sha256(secret, canonical)).
 *
 * The same vectors (tests/fixtures/signing_vectors.json) are checked here and by the service's Java tests.
 */
final class signer {
    /** The scheme, first line of the canonical string. */
    public const SCHEME = 'EAD-HMAC-SHA256';

    /** @var string The secret shared with the EAD service. */
    private string $secret;

    /**
     * Constructor.
     *
     * @param string $secret the secret shared with the EAD service
     */
    public function __construct(string $secret) {
        $this->secret = $secret;
    }

    /**
     * The canonical string of a request.
     *
     * @param string $method HTTP method
     * @param string $path path under the service's base URL, with its query if any
     * @param string $timestamp seconds since the epoch
     * @param string $nonce a single-use random string (16 to 64 of [A-Za-z0-9_-])
     * @param string $userid the Moodle user id the request speaks for
     * @param string $body the request body ('' when none)
     * @return string
     */
    public static function canonical(
        string $method,
        string $path,
        string $timestamp,
        string $nonce,
        string $userid,
        string $body
    ): string {
        return implode("\n", [self::SCHEME, strtoupper($method), $path, $timestamp, $nonce, $userid, hash('sha256', $body)]);
    }

    /**
     * The signature of a request.
     *
     * @param string $method HTTP method
     * @param string $path path under the service's base URL, with its query if any
     * @param string $timestamp seconds since the epoch
     * @param string $nonce a single-use random string
     * @param string $userid the Moodle user id
     * @param string $body the request body
     * @return string lowercase hexadecimal HMAC-SHA256
     */
    public function sign(string $method, string $path, string $timestamp, string $nonce, string $userid, string $body): string {
        return hash_hmac('sha256', self::canonical($method, $path, $timestamp, $nonce, $userid, $body), $this->secret);
    }

    /**
     * The headers of a signed request.
     *
     * @param string $method HTTP method
     * @param string $path path under the service's base URL
     * @param int $timestamp seconds since the epoch
     * @param string $nonce a single-use random string
     * @param int $userid the Moodle user id
     * @param string $body the request body
     * @return string[] header lines
     */
    public function headers(string $method, string $path, int $timestamp, string $nonce, int $userid, string $body): array {
        return [
            'X-EAD-Timestamp: ' . $timestamp,
            'X-EAD-Nonce: ' . $nonce,
            'X-EAD-User: ' . $userid,
            'X-EAD-Signature: ' . $this->sign($method, $path, (string) $timestamp, $nonce, (string) $userid, $body),
        ];
    }

    /**
     * A new nonce: 32 hexadecimal characters from a cryptographic source.
     *
     * @return string
     */
    public static function nonce(): string {
        return bin2hex(random_bytes(16));
    }
}
