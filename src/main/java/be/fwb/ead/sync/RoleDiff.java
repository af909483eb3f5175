package be.fwb.ead.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.audit.Change;
import be.fwb.ead.sync.MoodleSnapshot.RoleLink;

/**
 * What a read of Moodle changes in the author and tutor links: the links to add, those whose Moodle roles changed, and
 * those to remove, among the modules whose enrolments were read (the others' links stay as they were). Pure: it writes
 * nothing.
 *
 * @param stored the stored links of the modules read, by {@link Link#key()}
 */
record RoleDiff(List<Link> added, List<Link> changed, List<Link> removed, Map<String, Link> stored) {

	/** A vacataire's author or tutor role in a module, with the Moodle role shortnames behind it. */
	record Link(long moduleId, long vacataireId, String role, String moodleRoles) {

		String key() {
			return moduleId + "/" + vacataireId + "/" + role;
		}
	}

	/**
	 * The links a read says, by key, and the modules whose links it read (a course the service does not know is
	 * skipped).
	 */
	record Wanted(Map<String, Link> links, List<Long> modules) {

		/**
		 * @param roles course id → the role links read in it
		 * @param moduleByCourse Moodle course id → module id
		 * @param vacataireByUser Moodle user id → vacataire id
		 */
		static Wanted of(Map<Long, List<RoleLink>> roles, Map<Long, Long> moduleByCourse, Map<Long, Long> vacataireByUser) {
			Map<String, Link> links = new HashMap<>();
			List<Long> modules = new ArrayList<>();
			roles.forEach((courseId, read) -> {
				Long moduleId = moduleByCourse.get(courseId);
				if (moduleId == null) {
					return;
				}
				modules.add(moduleId);
				for (RoleLink l : read) {
					Link link = new Link(moduleId, vacataireByUser.get(l.userId()), l.role(), l.moodleRoles());
					links.put(link.key(), link);
				}
			});
			return new Wanted(links, modules);
		}
	}

	static RoleDiff between(Wanted wanted, Map<String, Link> stored) {
		Map<String, Link> links = wanted.links();
		List<Link> added = links.values().stream().filter(l -> !stored.containsKey(l.key())).toList();
		List<Link> changed = links.values().stream()
			.filter(l -> stored.containsKey(l.key()) && !stored.get(l.key()).moodleRoles().equals(l.moodleRoles()))
			.toList();
		List<Link> removed = stored.values().stream().filter(l -> !links.containsKey(l.key())).toList();
		return new RoleDiff(added, changed, removed, stored);
	}

	/**
	 * The audit trail's lines: added, updated (the Moodle roles before and after), removed; each names its module
	 * (« module n° 12 » when its name is unknown).
	 *
	 * @param moduleNames module id → the module's name
	 */
	List<Change> changes(Map<Long, String> moduleNames) {
		List<Change> out = new ArrayList<>();
		added.forEach(l -> out.add(Change.of("module_role", l.moduleId(), l.vacataireId(), "added", "Rôle Moodle " + label(l.role())
				+ " (" + l.moodleRoles() + ") sur le " + module(moduleNames, l)).withStates(null, state(l))));
		changed.forEach(l -> out.add(Change.of("module_role", l.moduleId(), l.vacataireId(), "updated", "Rôles Moodle "
				+ label(l.role()) + " sur le " + module(moduleNames, l) + " : " + l.moodleRoles())
			.withStates(state(stored.get(l.key())), state(l))));
		removed.forEach(l -> out.add(Change.of("module_role", l.moduleId(), l.vacataireId(), "removed", "Rôle Moodle " + label(l.role())
				+ " retiré du " + module(moduleNames, l)).withStates(state(l), null)));
		return out;
	}

	private static String module(Map<Long, String> names, Link l) {
		String name = names.get(l.moduleId());
		return name == null ? "module n° " + l.moduleId() : "module « " + name + " »";
	}

	private static String label(String role) {
		return "AUTHOR".equals(role) ? "conception" : "tutorat";
	}

	private static Map<String, Object> state(Link l) {
		return Map.of("moduleId", l.moduleId(), "role", l.role(), "moodleRoles", l.moodleRoles());
	}
}
