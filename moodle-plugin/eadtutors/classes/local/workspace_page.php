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
 * What « Mon espace EAD » shows a user.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors\local;

/**
 * The context of the workspace template for a user. The EAD service is asked only here (the plugin's own page), only
 * for the EAD's authors and tutors (decided locally), and its answer is cached briefly; when it is down, the page says
 * so and Moodle goes on.
 */
final class workspace_page {
    /** @var staff_status Who is one of the EAD's authors or tutors. */
    private staff_status $staff;
    /** @var \Closure(): service_client The service client, made only when needed. */
    private \Closure $client;
    /** @var \cache The cache of workspaces. */
    private \cache $cache;
    /** @var workspace_mapper The mapping to the template's context. */
    private workspace_mapper $mapper;

    /**
     * Constructor.
     *
     * @param staff_status $staff who is one of the EAD's authors or tutors
     * @param \Closure $client makes the service client
     * @param \cache $cache the cache of workspaces
     * @param workspace_mapper $mapper the mapping to the template's context
     */
    public function __construct(staff_status $staff, \Closure $client, \cache $cache, workspace_mapper $mapper) {
        $this->staff = $staff;
        $this->client = $client;
        $this->cache = $cache;
        $this->mapper = $mapper;
    }

    /**
     * The page as the site is configured.
     *
     * @return self
     */
    public static function create(): self {
        return new self(
            staff_status::create(),
            static fn(): service_client => service_client::create(),
            \cache::make('local_eadtutors', 'workspace'),
            workspace_mapper::create()
        );
    }

    /**
     * The template's context for a user.
     *
     * @param int $userid the user
     * @param bool $canact false while an administrator is logged in as the user: no forms
     * @return array
     */
    public function context(int $userid, bool $canact): array {
        if (!$this->staff->is_staff($userid)) {
            return ['unavailable' => false, 'notvacataire' => true];
        }
        $cached = $this->cache->get($userid);
        if ($cached !== false) {
            $workspace = isset($cached['notvacataire']) ? null : $cached;
        } else {
            try {
                $workspace = ($this->client)()->workspace($userid);
            } catch (service_unavailable $e) {
                // The reason goes to the developer's debugging only; the page says it in a sentence.
                debugging('local_eadtutors: ' . $e->getMessage(), DEBUG_DEVELOPER);
                return ['unavailable' => true, 'notvacataire' => false];
            }
            $this->cache->set($userid, $workspace ?? ['notvacataire' => true]);
        }
        if ($workspace === null) {
            return ['unavailable' => false, 'notvacataire' => true];
        }
        return ['unavailable' => false, 'notvacataire' => false, 'canact' => $canact] + $this->mapper->context($workspace);
    }

    /**
     * Forgets a user's workspace (they just acted: what they see next must include it).
     *
     * @param int $userid the user
     */
    public function forget(int $userid): void {
        $this->cache->delete($userid);
    }
}
