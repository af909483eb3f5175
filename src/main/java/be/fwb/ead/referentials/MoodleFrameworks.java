package be.fwb.ead.referentials;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import be.fwb.ead.moodle.MoodleClient;
import be.fwb.ead.moodle.MoodleException;
import be.fwb.ead.moodle.MoodleRecords;
import be.fwb.ead.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the competency frameworks of the Moodle site ({@code core_competency_*}) into référentiels: a framework seen
 * for the first time becomes a référentiel, a framework that changed since its latest version becomes the next
 * version (with its impact report), an unchanged one is left alone.
 */
@Service
public class MoodleFrameworks {

	static final int PAGE = 500;

	/** What reading one framework did: {@code imported} is {@literal null} when it had not changed. */
	public record Outcome(String idnumber, String shortname, int competencies, Referentials.@Nullable Imported imported) {
	}

	private final MoodleClient moodle;
	private final Referentials referentials;

	MoodleFrameworks(MoodleClient moodle, Referentials referentials) {
		this.moodle = moodle;
		this.referentials = referentials;
	}

	public Mono<List<Outcome>> read(String author) {
		return moodle.competencyFrameworks()
			.flatMapMany(Flux::fromIterable)
			.concatMap(f -> moodle.competencies(f.id(), PAGE).flatMap(list -> {
				FrameworkCsv.Framework framework = framework(f, list);
				return referentials.importIfChanged(framework, author)
					.map(i -> new Outcome(f.idnumber(), f.shortname(), list.size(), i))
					.defaultIfEmpty(new Outcome(f.idnumber(), f.shortname(), list.size(), null));
			}))
			.collectList()
			.onErrorMap(MoodleException.class, MoodleFrameworks::explain);
	}

	private static RuntimeException explain(MoodleException e) {
		if ("competenciesarenotenabled".equals(e.errorcode())) {
			return new Refused("Les compétences ne sont pas activées sur le site Moodle (Administration du site > "
					+ "Fonctions avancées > « Activer les compétences ») : importez les référentiels par fichier.");
		}
		if ("accessexception".equals(e.errorcode())) {
			return new Refused("Le service web du jeton ne contient pas les fonctions core_competency_list_competency_frameworks "
					+ "et core_competency_list_competencies : ajoutez-les (voir README).");
		}
		return new Refused("Moodle n’a pas pu être lu : " + e.getMessage() + "." + e.advice());
	}

	/** The framework in the importer's terms: parents named by ID number, siblings in Moodle's sort order. */
	static FrameworkCsv.Framework framework(MoodleRecords.Framework f, List<MoodleRecords.Competency> competencies) {
		Map<Long, String> idnumbers = new HashMap<>();
		competencies.forEach(c -> idnumbers.put(c.id(), c.idnumber()));
		List<FrameworkCsv.Row> rows = competencies.stream()
			.filter(c -> !c.idnumber().isBlank() && !c.shortname().isBlank())
			.sorted(Comparator.comparingLong(MoodleRecords.Competency::parentid)
				.thenComparingInt(MoodleRecords.Competency::sortorder)
				.thenComparingLong(MoodleRecords.Competency::id))
			.map(c -> new FrameworkCsv.Row(0, c.parentid() == 0 ? null : idnumbers.get(c.parentid()), c.idnumber(), c.shortname(),
					c.description(), c.descriptionformat(), null, c.scaleconfiguration(), c.ruletype(),
					c.ruleoutcome() == 0 ? null : Integer.toString(c.ruleoutcome()), c.ruleconfig(), null, null))
			.toList();
		FrameworkCsv.Row head = new FrameworkCsv.Row(0, null, f.idnumber(), f.shortname(), f.description(), f.descriptionformat(),
				null, f.scaleconfiguration(), null, null, null, null, f.taxonomies());
		return FrameworkCsv.of(head, rows);
	}
}
