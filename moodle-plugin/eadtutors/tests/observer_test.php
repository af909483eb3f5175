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
 * Tests of what the observers record: the EAD tree only, staff only, categories and course modules with their ids.
 *
 * @package    local_eadtutors
 * @copyright  2026 Fédération Wallonie-Bruxelles, service de l'enseignement à distance
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

declare(strict_types=1);

namespace local_eadtutors;

use core\event\course_category_created;
use core\event\course_category_deleted;
use core\event\course_category_updated;
use core\event\course_created;
use core\event\course_deleted;
use core\event\course_module_created;
use core\event\course_module_deleted;
use core\event\course_module_updated;
use core\event\course_updated;
use core\event\role_assigned;
use core\event\role_unassigned;
use core\event\user_deleted;
use core\event\user_updated;
use local_eadtutors\local\change_log;

/**
 * A site with an EAD tree (a root category with a subcategory and two courses) and, beside it, a category and a course
 * that are not the EAD's; a tutor and a learner in the EAD course, a teacher in the other course. Events are built as
 * Moodle builds them and handed to the observers as Moodle does once its transaction has committed.
 *
 * @covers \local_eadtutors\observer
 * @covers \local_eadtutors\local\change_feed
 * @covers \local_eadtutors\local\ead_tree
 */
final class observer_test extends \advanced_testcase {
    /** @var \stdClass The root of the EAD tree. */
    private \stdClass $root;
    /** @var \stdClass A subcategory of the EAD tree. */
    private \stdClass $sub;
    /** @var \stdClass A category outside the tree. */
    private \stdClass $other;
    /** @var \stdClass A course of the EAD tree. */
    private \stdClass $eadcourse;
    /** @var \stdClass A course outside the tree. */
    private \stdClass $othercourse;
    /** @var \stdClass A tutor in the EAD course. */
    private \stdClass $tutor;
    /** @var \stdClass A learner in the EAD course. */
    private \stdClass $learner;
    /** @var \stdClass A teacher of the other course only. */
    private \stdClass $outsider;

    /**
     * The site.
     */
    protected function setUp(): void {
        parent::setUp();
        $this->resetAfterTest();
        $sink = $this->redirectEvents();
        $generator = $this->getDataGenerator();
        $this->root = $generator->create_category(['name' => 'EAD']);
        $this->sub = $generator->create_category(['name' => 'Primaire', 'parent' => $this->root->id]);
        $this->other = $generator->create_category(['name' => 'Formation des agents']);
        $this->eadcourse = $generator->create_course(['category' => $this->sub->id]);
        $this->othercourse = $generator->create_course(['category' => $this->other->id]);
        $this->tutor = $generator->create_user();
        $this->learner = $generator->create_user();
        $this->outsider = $generator->create_user();
        $generator->enrol_user($this->tutor->id, $this->eadcourse->id, 'teacher');
        $generator->enrol_user($this->learner->id, $this->eadcourse->id, 'student');
        $generator->enrol_user($this->outsider->id, $this->othercourse->id, 'editingteacher');
        $sink->close();
        set_config('categoryroots', (string) $this->root->id, 'local_eadtutors');
        set_config('staffroles', '3,4', 'local_eadtutors');
        set_config('settle', '0', 'local_eadtutors');
    }

    /**
     * What the log holds, without ids and times.
     *
     * @return array
     */
    private function recorded(): array {
        global $DB;
        return array_values(array_map(
            static fn(\stdClass $r): array => [$r->kind, (int) $r->courseid, (int) $r->userid,
            (int) $r->roleid, (int) $r->categoryid, (int) $r->cmid],
            $DB->get_records(change_log::TABLE, null, 'id ASC', 'id, kind, courseid, userid, roleid, categoryid, cmid')
        ));
    }

    /**
     * A role event as Moodle's role_assign() builds it.
     *
     * @param string $class role_assigned or role_unassigned
     * @param \context $context the context
     * @param int $userid the user
     * @param int $roleid the role
     * @return \core\event\base
     */
    private static function role_event(string $class, \context $context, int $userid, int $roleid): \core\event\base {
        return $class::create(['context' => $context, 'objectid' => $roleid, 'relateduserid' => $userid,
            'other' => ['id' => 1, 'component' => '', 'itemid' => 0]]);
    }

    /**
     * Test: a learner's profile change records nothing; a staff member's does; a teacher outside the tree's does not.
     */
    public function test_a_learners_profile_change_records_nothing_and_a_staff_members_does(): void {
        observer::user_updated(user_updated::create_from_userid($this->learner->id));
        $this->assertSame([], $this->recorded());
        observer::user_updated(user_updated::create_from_userid($this->outsider->id));
        $this->assertSame([], $this->recorded());
        observer::user_updated(user_updated::create_from_userid($this->tutor->id));
        $this->assertSame([['user_updated', 0, (int) $this->tutor->id, 0, 0, 0]], $this->recorded());
    }

    /**
     * Test: with no root set, the whole site is the EAD tree, so the outside teacher is staff too.
     */
    public function test_with_no_root_set_the_whole_site_is_the_tree(): void {
        set_config('categoryroots', '', 'local_eadtutors');
        observer::user_updated(user_updated::create_from_userid($this->outsider->id));
        observer::user_updated(user_updated::create_from_userid($this->learner->id));
        $this->assertSame([['user_updated', 0, (int) $this->outsider->id, 0, 0, 0]], $this->recorded());
    }

    /**
     * Test: role changes in the tree are recorded, naming the user for staff roles only; outside the tree or outside a
     * course, they are ignored.
     */
    public function test_role_changes_outside_the_tree_are_ignored_and_learners_are_not_named(): void {
        $eadcontext = \context_course::instance($this->eadcourse->id);
        observer::role_assigned(self::role_event(role_assigned::class, $eadcontext, (int) $this->tutor->id, 4));
        observer::role_assigned(self::role_event(role_assigned::class, $eadcontext, (int) $this->learner->id, 5));
        observer::role_unassigned(self::role_event(role_unassigned::class, $eadcontext, (int) $this->tutor->id, 4));
        observer::role_assigned(self::role_event(
            role_assigned::class,
            \context_course::instance($this->othercourse->id),
            (int) $this->outsider->id,
            3
        ));
        observer::role_assigned(self::role_event(
            role_assigned::class,
            \context_coursecat::instance($this->root->id),
            (int) $this->outsider->id,
            1
        ));
        observer::role_assigned(self::role_event(
            role_assigned::class,
            \context_system::instance(),
            (int) $this->outsider->id,
            1
        ));
        $this->assertSame([
            ['role_assigned', (int) $this->eadcourse->id, (int) $this->tutor->id, 4, 0, 0],
            ['role_assigned', (int) $this->eadcourse->id, 0, 5, 0, 0],
            ['role_unassigned', (int) $this->eadcourse->id, (int) $this->tutor->id, 4, 0, 0],
        ], $this->recorded());
    }

    /**
     * Test: category events are recorded with their ids: created and deleted in the tree; every update (a move or a
     * hide may take a category out of the tree).
     */
    public function test_category_events_are_recorded_with_their_ids(): void {
        $generator = $this->getDataGenerator();
        $new = $generator->create_category(['parent' => $this->sub->id]);
        $outside = $generator->create_category(['parent' => $this->other->id]);
        observer::category_created(course_category_created::create(['objectid' => $new->id,
            'context' => \context_coursecat::instance($new->id)]));
        observer::category_created(course_category_created::create(['objectid' => $outside->id,
            'context' => \context_coursecat::instance($outside->id)]));
        observer::category_updated(course_category_updated::create(['objectid' => $this->sub->id,
            'context' => \context_coursecat::instance($this->sub->id)]));
        observer::category_updated(course_category_updated::create(['objectid' => $this->other->id,
            'context' => \context_coursecat::instance($this->other->id)]));

        // Deleted: Moodle keeps the row in the event's snapshot; the table no longer has it.
        foreach ([$new, $outside] as $category) {
            $event = course_category_deleted::create(['objectid' => $category->id,
                'context' => \context_coursecat::instance($category->id), 'other' => ['name' => $category->name]]);
            $event->add_record_snapshot('course_categories', $category);
            global $DB;
            $DB->delete_records('course_categories', ['id' => $category->id]);
            observer::category_deleted($event);
        }
        $this->assertSame([
            ['category_created', 0, 0, 0, (int) $new->id, 0],
            ['category_updated', 0, 0, 0, (int) $this->sub->id, 0],
            ['category_updated', 0, 0, 0, (int) $this->other->id, 0],
            ['category_deleted', 0, 0, 0, (int) $new->id, 0],
        ], $this->recorded());
    }

    /**
     * Test: course module events are recorded with their course and id, in the tree only.
     */
    public function test_course_module_events_are_recorded_with_their_ids(): void {
        $generator = $this->getDataGenerator();
        $page = $generator->create_module('page', ['course' => $this->eadcourse->id]);
        $quiz = $generator->create_module('quiz', ['course' => $this->othercourse->id]);
        $cm = (object) ['id' => $page->cmid, 'modname' => 'page', 'instance' => $page->id, 'name' => $page->name];
        observer::course_module_created(course_module_created::create_from_cm($cm));
        observer::course_module_updated(course_module_updated::create_from_cm($cm));
        observer::course_module_updated(course_module_updated::create_from_cm((object) ['id' => $quiz->cmid,
            'modname' => 'quiz', 'instance' => $quiz->id, 'name' => $quiz->name]));
        observer::course_module_deleted(course_module_deleted::create(['courseid' => $this->eadcourse->id,
            'context' => \context_module::instance($page->cmid), 'objectid' => $page->cmid,
            'other' => ['modulename' => 'page', 'instanceid' => $page->id]]));
        $this->assertSame([
            ['course_module_created', (int) $this->eadcourse->id, 0, 0, 0, (int) $page->cmid],
            ['course_module_updated', (int) $this->eadcourse->id, 0, 0, 0, (int) $page->cmid],
            ['course_module_deleted', (int) $this->eadcourse->id, 0, 0, 0, (int) $page->cmid],
        ], $this->recorded());
    }

    /**
     * Test: course events are recorded in the tree, and a course moved out of it is recorded too.
     */
    public function test_course_events_in_the_tree_and_a_course_moved_out_of_it(): void {
        global $DB;
        $eadcontext = \context_course::instance($this->eadcourse->id);
        $othercontext = \context_course::instance($this->othercourse->id);
        observer::course_created(course_created::create(['objectid' => $this->eadcourse->id, 'context' => $eadcontext,
            'other' => ['shortname' => 'x', 'fullname' => 'X']]));
        observer::course_created(course_created::create(['objectid' => $this->othercourse->id, 'context' => $othercontext,
            'other' => ['shortname' => 'y', 'fullname' => 'Y']]));
        observer::course_updated(course_updated::create(['objectid' => $this->othercourse->id, 'context' => $othercontext,
            'other' => ['shortname' => 'y', 'fullname' => 'Y', 'updatedfields' => ['fullname' => 'Y']]]));
        // Moved out of the tree: Moodle's update_course() and move_courses() name the category in updatedfields.
        $DB->set_field('course', 'category', $this->other->id, ['id' => $this->eadcourse->id]);
        observer::course_updated(course_updated::create(['objectid' => $this->eadcourse->id, 'context' => $eadcontext,
            'other' => ['shortname' => 'x', 'fullname' => 'X', 'updatedfields' => ['category' => $this->other->id]]]));
        // Deleted: the category comes from the snapshot Moodle keeps.
        foreach ([$this->othercourse, (object) ['id' => 999, 'category' => $this->sub->id]] as $course) {
            $event = course_deleted::create(['objectid' => $course->id, 'context' => $othercontext,
                'other' => ['shortname' => 'z', 'fullname' => 'Z']]);
            $event->add_record_snapshot('course', $course);
            observer::course_deleted($event);
        }
        $this->assertSame([
            ['course_created', (int) $this->eadcourse->id, 0, 0, 0, 0],
            ['course_updated', (int) $this->eadcourse->id, 0, 0, 0, 0],
            ['course_deleted', 999, 0, 0, 0, 0],
        ], $this->recorded());
    }

    /**
     * Test: a deleted user is recorded when the log names them: Moodle first unassigns their roles, which names a tutor
     * in the tree and no learner.
     */
    public function test_a_deleted_user_is_recorded_only_when_they_were_staff(): void {
        $eadcontext = \context_course::instance($this->eadcourse->id);
        foreach ([[$this->learner, 5], [$this->tutor, 4]] as [$user, $roleid]) {
            // As Moodle's delete_user(): role_unassign_all() first, then the user_deleted event.
            observer::role_unassigned(self::role_event(role_unassigned::class, $eadcontext, (int) $user->id, $roleid));
            observer::user_deleted(user_deleted::create(['objectid' => $user->id, 'relateduserid' => $user->id,
                'context' => \context_user::instance($user->id), 'other' => ['username' => 'u', 'email' => 'e',
                'idnumber' => '', 'picture' => 0, 'mnethostid' => 1]]));
        }
        $this->assertSame([
            ['role_unassigned', (int) $this->eadcourse->id, 0, 5, 0, 0],
            ['role_unassigned', (int) $this->eadcourse->id, (int) $this->tutor->id, 4, 0, 0],
            ['user_deleted', 0, (int) $this->tutor->id, 0, 0, 0],
        ], $this->recorded());
    }

    /**
     * Test: every observer is registered in db/events.php, called after Moodle's transaction commits.
     */
    public function test_every_observer_is_registered_to_run_after_the_commit(): void {
        $observers = [];
        include(__DIR__ . '/../db/events.php');
        $methods = array_map(
            static fn(\ReflectionMethod $m): string => '\\local_eadtutors\\observer::' . $m->getName(),
            (new \ReflectionClass(observer::class))->getMethods(\ReflectionMethod::IS_PUBLIC)
        );
        $this->assertEqualsCanonicalizing($methods, array_column($observers, 'callback'));
        foreach ($observers as $o) {
            $this->assertFalse($o['internal'], $o['eventname']);
            $this->assertTrue(class_exists($o['eventname']), $o['eventname']);
        }
    }
}
