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
 * Tests of the request signer, on the vectors the EAD service's Java tests read too.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use local_eadtutors\local\signer;

/**
 * The signer computes, for every shared vector, the same canonical string and signature as the service.
 *
 * @covers \local_eadtutors\local\signer
 */
final class signer_test extends \basic_testcase {
    /**
     * The shared vectors.
     *
     * @return array
     */
    public static function vectors(): array {
        $json = json_decode((string) file_get_contents(__DIR__ . '/fixtures/signing_vectors.json'), true);
        $out = [];
        foreach ($json['vectors'] as $v) {
            $out[$v['name']] = [$v];
        }
        return $out;
    }

    /**
     * Canonical string, body hash and signature of a vector.
     *
     * @dataProvider vectors
     * @param array $v the vector
     */
    public function test_the_shared_vectors_sign_alike(array $v): void {
        $this->assertSame($v['bodysha256'], hash('sha256', $v['body']));
        $this->assertSame($v['canonical'], signer::canonical(
            $v['method'],
            $v['path'],
            $v['timestamp'],
            $v['nonce'],
            $v['userid'],
            $v['body']
        ));
        $this->assertSame($v['signature'], (new signer($v['secret']))->sign(
            $v['method'],
            $v['path'],
            $v['timestamp'],
            $v['nonce'],
            $v['userid'],
            $v['body']
        ));
    }

    /**
     * The headers carry what was signed, and a nonce is never the same twice.
     */
    public function test_headers_and_nonces(): void {
        $signer = new signer('secret');
        $headers = $signer->headers('get', '/api/plugin/workspace', 1795000000, 'abcdefghijklmnop', 2001, '');
        $this->assertSame([
            'X-EAD-Timestamp: 1795000000',
            'X-EAD-Nonce: abcdefghijklmnop',
            'X-EAD-User: 2001',
            'X-EAD-Signature: ' . $signer->sign('GET', '/api/plugin/workspace', '1795000000', 'abcdefghijklmnop', '2001', ''),
        ], $headers);
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', signer::nonce());
        $this->assertNotSame(signer::nonce(), signer::nonce());
    }
}
