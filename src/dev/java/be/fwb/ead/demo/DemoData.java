package be.fwb.ead.demo;

import java.util.stream.Collectors;

import be.fwb.ead.assignments.Reconciliation;
import be.fwb.ead.assignments.RoleAdoption;
import be.fwb.ead.evaluations.Evaluations;
import be.fwb.ead.vacataires.imports.VacataireImport;
import be.fwb.ead.recruitment.Recruitment;
import be.fwb.ead.titles.Titles;
import be.fwb.ead.training.Training;
import org.springframework.context.ApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The demo's two days, for the demo profiles and for the tests that start from them: the first day (the service just
 * switched on: titles of the decree defined, none granted, last year's training sessions, nothing assigned) and one
 * year in. Both expect the site synced.
 */
public final class DemoData {

	private DemoData() {
	}

	/** The first day's records, when there are none. */
	public static Mono<Void> firstDay(ApplicationContext context) {
		return new DemoLifecycle(context.getBean(Titles.class), context.getBean(Training.class), context.getBean(Recruitment.class))
			.seedIfEmpty();
	}

	/** One year in, from the first day's records, when nothing is assigned yet. */
	public static Mono<Void> yearOne(ApplicationContext context) {
		return new DemoYearOne(context.getBean(DatabaseClient.class), context.getBean(Titles.class), context.getBean(Training.class),
				context.getBean(Reconciliation.class), context.getBean(RoleAdoption.class), context.getBean(Evaluations.class),
				context.getBean(VacataireImport.class))
			.seedIfEmpty();
	}

	/**
	 * The file a coordinator imports on the first day to record titles in bulk (CSV, {@code ;}): one line per vacataire
	 * holding a Moodle role and known by an ID number or an e-mail (the import finds them by these), with the codes
	 * of the decree's titles covering their modules. The others are left to be recorded one by one.
	 */
	public static Mono<String> titlesFile(DatabaseClient db) {
		return DemoYearOne.holders(db).map(DemoData::titlesFile);
	}

	static String titlesFile(java.util.List<DemoYearOne.Holder> holders) {
		return "Nom;Prénom;Matricule;Courriel;Titres\n" + holders.stream()
			.filter(h -> !h.idnumber().isEmpty() || !h.email().isEmpty())
			.map(h -> String.join(";", quote(h.lastname()), quote(h.firstname()), quote(h.idnumber()), quote(h.email()),
					quote(String.join(", ", h.titleCodes()))))
			.collect(Collectors.joining("\n")) + "\n";
	}

	private static String quote(String cell) {
		return "\"" + cell.replace("\"", "\"\"") + "\"";
	}
}
