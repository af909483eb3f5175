package be.fwb.ead.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import be.fwb.ead.MutableClock;

/**
 * Every form of the web UI, as a person submits it in the browser: who owns it, which page shows it, how to fill it so
 * it goes through and so it is refused, and what the answer shows. {@link EveryFormHasACaseUnitTest} fails when a form
 * of the templates has no case here; {@code EveryFormInTheBrowserIntegrationTest} submits each case in Chromium, once
 * valid and once refused.
 *
 * <p>A case is one entry: {@code post("template", "/path/{id}").as(COORDINATOR).on(d -> "/page/" + d.vacataire())
 * .valid(f -> f.set("name", "value"), "text shown").refused(f -> f.set("name", ""), "message shown")}. The form is
 * named by its template (without {@code .html}; the including page's for a fragment such as {@code upload} or
 * {@code grid}) and its {@code th:action} path with the template's variable names. A refused submission bypasses the
 * browser's own checks ({@code novalidate}): the service must refuse on its own, in French, and keep the page.
 */
final class FormCases {

	/** Who submits a form. */
	enum Owner {
		ANONYMOUS, COORDINATOR, REVIEWER
	}

	/**
	 * The data a case needs, prepared by the browser test (a sync of the simulated Moodle, accounts {@code coord} and
	 * {@code relect}). A method named {@code fresh…} gives a new object each call; the others the same one.
	 */
	interface Data {

		/** An active vacataire from Moodle, holding roles, a title and a training registration. */
		long vacataire();

		/** A new vacataire entered by hand, active, with nothing else. */
		long freshVacataire();

		/** A new active vacataire due an evaluation: never evaluated, their first assignment began over a year ago. */
		long dueVacataire();

		/** A current module of the catalogue. */
		long module();

		/** A Moodle category (a subject under a level). */
		long category();

		/** An open recruitment campaign. */
		long campaign();

		/** A new candidacy of {@link #campaign()}, not decided. */
		long freshCandidacy();

		/** A new candidacy of {@link #campaign()}, scored by {@code coord}, not decided. */
		long freshScoredCandidacy();

		/** A past training session where {@link #vacataire()} is registered. */
		long trainingSession();

		/** A training session under way (begun, not over) where {@link #vacataire()} is registered, no attendance recorded. */
		long sessionUnderWay();

		/**
		 * A new quality review of a module, by the reviewer {@code relect}, in a state: {@code PLANNED},
		 * {@code IN_REVIEW} (no findings), {@code IN_REVIEW_PASSING} (every criterion at its best),
		 * {@code IN_REVIEW_TO_CHANGE} (one criterion below, with what to change) or {@code CHANGES_REQUESTED}.
		 */
		long freshReview(String state);

		/** A module with no review, for planning one. */
		long freshUnreviewedModule();

		/** An imported référentiel, mapped to nothing. */
		long referential();

		/** A competency of {@link #referential()}. */
		long competency();

		/** A branch (domain) of {@link #referential()}, as the module mapping page takes it. */
		String branch();

		/** A new exam's code. */
		String freshExam();

		/** A new assignment of {@link #vacataire()} to a module where Moodle holds no role. */
		long freshAssignment();

		/** A new assignment of {@link #vacataire()} that has not started yet (it starts next month). */
		long freshPlannedAssignment();

		/** A new title held by {@link #vacataire()}. */
		long freshHeldTitle();

		/** A title {@link #vacataire()} does not hold. */
		long title();

		/** A Moodle role link with no assignment: a module and a vacataire. */
		long[] roleWithoutAssignment();

		/** The username of a reviewer account other than {@code relect}. */
		String otherReviewer();

		/** A training session to come, with seats, of an initial training that vacataires holding Moodle roles lack. */
		long upcomingTrainingSession();

		/** A new vacataire registered to {@link #upcomingTrainingSession()}: its id. */
		long freshUpcomingRegistration();

		/** A training session over, of a training no role requires, where {@link #vacataire()} is not recorded. */
		long pastTrainingSessionWithoutTheVacataire();
	}

	/** The form being filled, in the browser. */
	interface Form {

		/**
		 * Sets a field by name: types into a text field or textarea, selects an option by value (or by visible text),
		 * ticks the radio or checkbox of that value ({@code "true"} for a checkbox, {@code "false"} unticks it).
		 */
		Form set(String name, String value);

		/** Sets a field to a value its controls do not offer (a forged request): an option added, a date as text. */
		Form force(String name, String value);

		/** Chooses a real file for a file input, written with this content. */
		Form file(String name, String filename, String content);

		/** Replaces the form's CSRF token by a stale one, as a page kept open across a new sign-in would. */
		Form staleToken();

		/** The data set, for a value that depends on it. */
		Data data();

		/** Submits with this button (its id) rather than the form's first one. */
		Form press(String buttonId);

		/** Clicks a button of the form that does not submit it (« Tout cocher »), by its id. */
		Form click(String buttonId);

		/** Ticks every radio button of that value in the form. */
		Form everyRadio(String value);

		/** Types into every empty text field whose name starts with the prefix. */
		Form everyText(String namePrefix, String value);

		/** Chooses that value in every list whose name starts with the prefix. */
		Form everyChoice(String namePrefix, String value);
	}

	/** One way of submitting a form: what to fill, what the answer must show ({@literal null}: only its kind). */
	record Submission(Consumer<Form> fill, String shows) {
	}

	/**
	 * One form and how to submit it.
	 *
	 * @param template the template showing the form, e.g. {@code vacataires/detail}
	 * @param method {@code GET} or {@code POST}
	 * @param action the {@code th:action} path, with the template's variable names
	 * @param owner who submits it
	 * @param page the page showing the form
	 * @param at the form's exact action path on that page when several match ({@literal null}: the first)
	 * @param errorBeside the field whose refusal is shown beside it ({@code aria-describedby}), or {@literal null}
	 */
	record Case(String template, String method, String action, Owner owner, Function<Data, String> page,
			Function<Data, String> at, Submission valid, Submission refused, String errorBeside) {

		/** The form's name, as {@link EveryFormHasACaseUnitTest} lists them: {@code template METHOD action}. */
		String form() {
			return template + " " + method + " " + action;
		}

		Case as(Owner who) {
			return new Case(template, method, action, who, page, at, valid, refused, errorBeside);
		}

		Case on(Function<Data, String> where) {
			return new Case(template, method, action, owner, where, at, valid, refused, errorBeside);
		}

		Case on(String where) {
			return on(d -> where);
		}

		Case at(Function<Data, String> exactAction) {
			return new Case(template, method, action, owner, page, exactAction, valid, refused, errorBeside);
		}

		Case valid(Consumer<Form> fill, String shows) {
			return new Case(template, method, action, owner, page, at, new Submission(fill, shows), refused, errorBeside);
		}

		Case refused(Consumer<Form> fill, String shows) {
			return new Case(template, method, action, owner, page, at, valid, new Submission(fill, shows), errorBeside);
		}

		/** The refusal is shown beside this field, which points to it ({@code aria-describedby}). */
		Case errorBeside(String field) {
			return new Case(template, method, action, owner, page, at, valid, refused, field);
		}

		/** Refused because the page's token went stale: the answer is the 403 page, in French, with the menu. */
		Case refusedWithAStaleToken() {
			return refused(Form::staleToken, "Ce formulaire a expiré");
		}

		@Override
		public String toString() {
			return form();
		}
	}

	static final String SAVED = "Enregistré.";

	/** The EAD's day when the class is loaded (its zone, not the machine's: they differ around midnight). */
	private static final LocalDate TODAY = LocalDate.now(MutableClock.EAD_ZONE);

	private static final String TOMORROW = TODAY.plusDays(1).toString();

	private static final String YESTERDAY = TODAY.minusDays(1).toString();

	private static final String NEXT_MONTH = TODAY.plusMonths(1).toString();

	private static final String SCHOOL_YEAR = TODAY.getMonthValue() >= 9
			? TODAY.getYear() + "-" + (TODAY.getYear() + 1)
			: (TODAY.getYear() - 1) + "-" + TODAY.getYear();

	/** A framework in the format of Moodle's importer (tool_lpimportcsv), two domains, two competencies. */
	static final String REFERENTIAL_CSV = """
			"Parent ID number","ID number","Short name","Description","Description format","Scale values","Scale configuration","Rule type (optional)","Rule outcome (optional)","Rule config (optional)","Cross-referenced competency ID numbers","Exported ID (optional)","Is framework","Taxonomy"
			"","FORMS-FR","Référentiel des formulaires","Un référentiel pour les tests.","1","Pas acquis,Acquis","[{""scaleid"":""2""},{""id"":2,""scaledefault"":1,""proficient"":1}]","","","","","","1","domain,competency"
			"","FORMS-D1","Lire","Domaine lire","1","","","","","","","","",""
			"FORMS-D1","FORMS-C1","Lire un texte court","","1","","","","","","","","",""
			"","FORMS-D2","Écrire","Domaine écrire","1","","","","","","","","",""
			"FORMS-D2","FORMS-C2","Écrire une lettre","","1","","","","","","","","",""
			""";

	static List<Case> all() {
		List<Case> all = new ArrayList<>();
		all.addAll(signInAndOut());
		all.addAll(vacataires());
		all.addAll(assignmentsTitlesTraining());
		all.addAll(recruitmentAndEvaluations());
		all.addAll(analysis());
		all.addAll(reviews());
		all.addAll(administration());
		return all;
	}

	private static List<Case> signInAndOut() {
		return List.of(
				post("login", "/connexion").as(Owner.ANONYMOUS).on("/connexion")
					.valid(f -> f.set("username", "coord").set("password", "mot-de-passe-coord"), "Tableau de bord")
					.refused(f -> f.set("username", "coord").set("password", "pas le bon"), "Identifiant ou mot de passe incorrect"),
				post("layout", "/deconnexion").on("/")
					.valid(f -> {
					}, "Vous êtes déconnecté")
					.refusedWithAStaleToken(),
				post("dashboard", "/synchronisations").on("/")
					.valid(f -> f.set("mode", "INCREMENTAL"), "lancée")
					.refusedWithAStaleToken());
	}

	private static List<Case> vacataires() {
		return List.of(
				get("vacataires/list", "/vacataires").on("/vacataires")
					.valid(f -> f.set("q", "zzz-personne"), "Aucun résultat")
					.refused(f -> f.force("status", "ENGAGE"), "Statut inconnu"),
				post("vacataires/list", "/vacataires").on("/vacataires")
					.valid(f -> f.set("firstname", "Anne").set("lastname", "Lambert").set("email", "anne.lambert@ead.test"), SAVED)
					.refused(f -> f.set("firstname", "Anne").set("lastname", "Lambert").set("email", "pas-un-courriel"), "courriel")
					.errorBeside("email"),
				post("vacataires/detail", "/vacataires/{id}/statut").on(d -> "/vacataires/" + d.freshVacataire())
					.valid(f -> f.set("status", "SUSPENDU").set("reason", "Congé de maladie"), "Statut modifié")
					.refused(f -> f.set("status", "SUSPENDU").set("reason", ""), "raison").errorBeside("reason"),
				post("vacataires/detail", "/vacataires/{id}/fiche").on(d -> "/vacataires/" + d.freshVacataire())
					.valid(f -> f.set("phone", "+32 2 555 12 34"), "Téléphone\n+32 2 555 12 34")
					.refused(f -> f.set("phone", "abc"), "Numéro de téléphone invalide").errorBeside("phone"),
				post("vacataires/detail", "/vacataires/{id}/contrats").on(d -> "/vacataires/" + d.freshVacataire())
					.valid(f -> f.set("startsOn", YESTERDAY).set("endsOn", NEXT_MONTH).set("reference", "CTR-2026-17"), SAVED)
					.refused(f -> f.set("startsOn", NEXT_MONTH).set("endsOn", YESTERDAY).set("reference", "CTR-2026-18"), "précède")
					.errorBeside("endsOn"),
				post("vacataires/detail", "/vacataires/{id}/disponibilites").on(d -> "/vacataires/" + d.freshVacataire())
					.valid(f -> f.set("schoolYear", SCHOOL_YEAR).set("term1", "40").set("term2", "30"), SAVED)
					.refused(f -> f.set("schoolYear", "2026-2028").set("term1", "40"), "Année scolaire invalide").errorBeside("schoolYear"),
				post("gdpr/erase", "/vacataires/{id}/donnees/anonymisation")
					.on(d -> "/vacataires/" + d.freshVacataire() + "/donnees/anonymisation")
					.valid(f -> f.set("reason", "Demande d'effacement du 2 décembre").set("confirm", "true"),
							"Données personnelles effacées")
					.refused(f -> f.set("reason", "Demande d'effacement du 2 décembre"), "Cochez la confirmation"),
				post("imports/vacataires", "/vacataires/import").on("/vacataires/import")
					.valid(f -> f.file("file", "vacataires.csv", "Nom;Prénom;Courriel;Matricule\r\nRenard;François;francois.renard@ead.test;MAT-9001\r\n"),
							"Renard")
					.refused(f -> f.file("file", "vacataires.csv", "Nom;Prénom;Courriel;Matricule\r\n;François;pas-un-courriel;MAT-9002\r\n"),
							"ligne"));
	}

	private static List<Case> assignmentsTitlesTraining() {
		return List.of(
				get("assignments/vacataire", "/vacataires/{id}/affectations").on(d -> "/vacataires/" + d.vacataire() + "/affectations")
					.valid(f -> f.set("moduleQ", "mathematiques"), null)
					.refused(f -> f.force("moduleQ", "x".repeat(300)), null),
				post("assignments/vacataire", "/vacataires/{id}/affectations").on(d -> "/vacataires/" + d.vacataire() + "/affectations")
					.valid(f -> f.set("role", "AUTHOR").set("startsOn", TOMORROW).set("endsOn", NEXT_MONTH).set("hours", "10")
						.set("derogationReason", "Pénurie de titulaires"), "Affectation enregistrée.")
					.refused(f -> f.set("role", "TUTOR").set("startsOn", NEXT_MONTH).set("endsOn", TOMORROW).set("hours", "10"),
							"doit suivre le début").errorBeside("endsOn"),
				post("assignments/vacataire", "/affectations/{id}/fin").on(d -> "/vacataires/" + d.vacataire() + "/affectations")
					.at(d -> "/affectations/" + d.freshAssignment() + "/fin")
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				get("assignments/list", "/affectations").on("/affectations")
					.valid(f -> f.set("q", "zzz-personne").set("state", "all"), "Aucun résultat")
					.refused(f -> f.force("state", "bientot"), "État inconnu"),
				post("assignments/vacataire", "/affectations/{id}/annulation").on(d -> "/vacataires/" + d.vacataire() + "/affectations")
					.at(d -> "/affectations/" + d.freshPlannedAssignment() + "/annulation")
					.valid(f -> {
					}, "Affectation annulée")
					.refusedWithAStaleToken(),
				post("assignments/reconciliation", "/affectations/{id}/fin").on("/affectations/rapprochement")
					.at(d -> "/affectations/" + d.freshAssignment() + "/fin")
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				post("assignments/reconciliation", "/affectations/rapprochement").on("/affectations/rapprochement")
					.valid(f -> f.set("reason", "Rôle de remplacement, validé par la direction"), null)
					.refused(f -> f.set("reason", ""), "Indiquez pourquoi").errorBeside("reason"),
				get("assignments/reconciliation", "/affectations/rapprochement").on("/affectations/rapprochement")
					.valid(f -> f.set("role", "TUTOR"), null)
					.refused(f -> f.force("vacataire", "abc"), null),
				post("assignments/reconciliation", "/affectations/rapprochement/lot").on("/affectations/rapprochement")
					.valid(f -> f.set("scope", "filter"), " créée")
					.refused(f -> f.force("vacataire", "abc"), null),
				post("assignments/adoption", "/affectations/rapprochement/adoption").on("/affectations/rapprochement/adoption?scope=filter")
					.valid(f -> f.set("hours", "20"), " créée")
					.refused(f -> f.set("startsOn", NEXT_MONTH).set("endsOn", TOMORROW), "la fin doit suivre le début").errorBeside("endsOn"),
				post("attention/fragments", "/affectations/rapprochement/lot").on("/attention")
					.valid(f -> {
					}, " créée")
					.refusedWithAStaleToken(),
				// Someone due an evaluation (a year after their first assignment), so that À traiter offers to plan it.
				post("attention/fragments", "/evaluations/planification").on(d -> {
					d.dueVacataire();
					return "/attention";
				})
					.valid(f -> f.set("plannedOn", NEXT_MONTH), "planifiée")
					.refused(f -> f.set("plannedOn", YESTERDAY), "Le jour de l’évaluation ne peut être passé.").errorBeside("plannedOn"),
				post("attention/list", "/affectations/rapprochement/lot").on("/attention?vue=vacataires")
					.valid(f -> {
					}, " créée")
					.refusedWithAStaleToken(),
				post("titles/list", "/titres").on("/titres")
					.valid(f -> f.set("code", "CAPAES-SC").set("name", "CAPAES sciences").set("level1", "Secondaire inférieur")
						.set("subject1", "Sciences"), SAVED)
					.refused(f -> f.set("code", "").set("name", "Sans code"), "Le code et le nom du titre sont obligatoires.")
					.errorBeside("code"),
				post("titles/list", "/titres/correspondances/{c}").on("/titres")
					.valid(f -> f.set("level", "Secondaire inférieur").set("subject", "Mathématiques"), SAVED)
					.refused(f -> f.set("level", "Secondaire inférieur").set("subject", ""), "Indiquez le niveau et la matière")
					.errorBeside("subject"),
				post("titles/vacataire", "/vacataires/{id}/titres").on(d -> "/vacataires/" + d.vacataire())
					.valid(f -> f.set("titleId", "" + f.data().title()).set("obtainedOn", YESTERDAY).set("reference", "Diplôme 2019"), SAVED)
					// A year of three digits typed (0215): not a date the service takes; back to the form, beside the date.
					.refused(f -> f.set("titleId", "" + f.data().title()).force("obtainedOn", "0215-03-01"), "Valeur non reconnue : « 0215-03-01 »")
					.errorBeside("obtainedOn"),
				post("titles/vacataire", "/vacataires/{id}/titres/{t}/retrait").on(d -> "/vacataires/" + d.vacataire())
					.at(d -> "/vacataires/" + d.vacataire() + "/titres/" + d.freshHeldTitle() + "/retrait")
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				post("training/sessions", "/formations").on("/formations")
					.valid(f -> f.set("title", "Moodle pour les tuteurs").set("startsAt", TODAY.plusDays(7) + "T14:00")
						.set("durationMinutes", "180").set("capacity", "20"), SAVED)
					.refused(f -> f.set("title", "Sans places").set("startsAt", TODAY.plusDays(7) + "T14:00")
						.set("capacity", "0"), "capacité de 1 à 500 places").errorBeside("capacity"),
				post("training/sessions", "/formations/exigences").on("/formations")
					.valid(f -> f.set("AUTHOR:CONTINUING:MOODLE", "true"), SAVED)
					.refusedWithAStaleToken(),
				// The whole session: offered while an attendance is not recorded.
				post("training/session", "/formations/{id}/presences").on(d -> "/formations/" + d.sessionUnderWay())
					.valid(f -> f.set("outcome", "completed"), "Terminée")
					.refused(f -> f.force("outcome", "peut-etre"), "Choisissez la présence").errorBeside("outcome"),
				post("training/session", "/formations/{s}/presences/{v}").on(d -> "/formations/" + d.trainingSession())
					.valid(f -> f.set("outcome", "completed"), "Terminée")
					.refusedWithAStaleToken(),
				post("training/session", "/formations/{id}/historique").on(d -> "/formations/" + d.trainingSession())
					.valid(f -> f.click("record-past-all"), SAVED)
					.refused(f -> {
					}, "Cochez au moins un vacataire").errorBeside("vacataireId"),
				post("training/session", "/formations/{id}/inscriptions").on(d -> "/formations/" + d.upcomingTrainingSession())
					.valid(f -> {
					}, "Inscriptions enregistrées.")
					.refusedWithAStaleToken(),
				post("training/session", "/formations/{s}/inscriptions/{v}/retrait").on(d -> "/formations/" + d.upcomingTrainingSession())
					.at(d -> "/formations/" + d.upcomingTrainingSession() + "/inscriptions/" + d.freshUpcomingRegistration() + "/retrait")
					.valid(f -> {
					}, "Inscription retirée.")
					.refusedWithAStaleToken(),
				post("training/session", "/formations/{id}/places").on(d -> "/formations/" + d.upcomingTrainingSession())
					.valid(f -> f.set("capacity", "450"), "Places enregistrées.")
					.refused(f -> f.set("capacity", "0"), "de 1 à 500 places").errorBeside("capacity"),
				post("training/vacataire", "/formations/inscriptions").on(d -> "/vacataires/" + d.vacataire())
					.valid(f -> {
					}, "Inscription enregistrée.")
					.refused(f -> f.force("sessionId", "999999"), null),
				post("training/vacataire", "/formations/historique").on(d -> "/vacataires/" + d.vacataire())
					.valid(f -> f.set("sessionId", String.valueOf(f.data().pastTrainingSessionWithoutTheVacataire())), SAVED)
					.refused(f -> f.force("sessionId", String.valueOf(f.data().upcomingTrainingSession())), "n’est pas terminée"));
	}

	private static List<Case> recruitmentAndEvaluations() {
		return List.of(
				post("recruitment/campaigns", "/recrutement").on("/recrutement")
					.valid(f -> f.set("name", "Tuteurs de sciences").set("opensOn", YESTERDAY).set("closesOn", NEXT_MONTH)
						.set("level-1", "Secondaire inférieur – CE1D").set("subject-1", "Sciences").set("hours-1", "60"), null)
					// A need line begun (its subject typed) and not finished: beside the level it lacks, not dropped.
					.refused(f -> f.set("name", "Tuteurs de sciences").set("opensOn", YESTERDAY).set("closesOn", NEXT_MONTH)
						.set("level-1", "Secondaire inférieur – CE1D").set("subject-1", "Sciences").set("hours-1", "60")
						.set("subject-2", "Sciences"), "Besoin 2 : indiquez le niveau, ou videz la ligne.")
					.errorBeside("level-2"),
				post("recruitment/campaigns", "/recrutement/grille").on("/recrutement")
					.valid(f -> f.set("label-5", "Ponctualité").set("weight-5", "1"), SAVED)
					.refused(f -> f.set("label-5", "Ponctualité").force("weight-5", "dix"), "Poids illisible").errorBeside("weight-5"),
				post("recruitment/campaign", "/recrutement/{id}/candidatures").on(d -> "/recrutement/" + d.campaign())
					.valid(f -> f.set("firstname", "Léa").set("lastname", "Dubois").set("email", "lea.dubois@ead.test"),
							"Candidature enregistrée.")
					// A document's date that is no day (31 February, typed where there is no date picker): beside that date.
					.refused(f -> f.set("firstname", "Léa").set("lastname", "Dubois").set("email", "lea.dubois@ead.test")
						.set("doc-file-1", "diplome.pdf").force("doc-date-1", "31/02/2026"), "Valeur non reconnue : « 31/02/2026 »")
					.errorBeside("doc-date-1"),
				post("recruitment/candidacy", "/recrutement/candidatures/{id}/notes")
					.on(d -> "/recrutement/candidatures/" + d.freshCandidacy())
					.valid(f -> f.everyChoice("score-", "4").everyText("why-", "Dossier solide"), null)
					// Justified but not scored: each criterion's score is asked for, none is assumed.
					.refused(f -> f.everyText("why-", "Dossier solide"), "de 0 à 5"),
				post("recruitment/candidacy", "/recrutement/candidatures/{id}/decision")
					.on(d -> "/recrutement/candidatures/" + d.freshScoredCandidacy())
					.valid(f -> f.set("decision", "reject").set("reason", "Pas de titre requis"), "Non retenu")
					.refused(f -> f.force("decision", "peut-etre"), "Indiquez la raison du refus.").errorBeside("reason"),
				post("evaluations/due", "/evaluations/grille").on("/evaluations/a-faire")
					.valid(f -> f.set("label-5", "Ponctualité").set("weight-5", "1"), SAVED)
					.refused(f -> f.set("label-5", "Ponctualité").force("weight-5", "dix"), "Poids illisible").errorBeside("weight-5"),
				post("evaluations/due", "/evaluations/planification").on(d -> "/evaluations/a-faire?vacataire=" + d.dueVacataire())
					.valid(f -> f.set("plannedOn", NEXT_MONTH).set("evaluator", "coord"), "1 évaluation planifiée")
					.refused(f -> f.set("plannedOn", YESTERDAY), "Le jour de l’évaluation ne peut être passé.").errorBeside("plannedOn"),
				post("evaluations/vacataire", "/vacataires/{id}/evaluations").on(d -> "/vacataires/" + d.vacataire())
					.valid(f -> f.everyRadio("3").set("comment", "Très bon trimestre"), "Évaluation enregistrée.")
					.refused(f -> f.set("comment", "Sans notes"), null));
	}

	private static List<Case> analysis() {
		return List.of(
				post("analysis/index", "/analyse/import").on("/analyse")
					.valid(f -> f.file("file", "referentiel.csv", REFERENTIAL_CSV), "Référentiel des formulaires")
					.refused(f -> f.file("file", "referentiel.csv", "ceci n’est pas un référentiel\n"), null),
				get("analysis/index", "/analyse").on("/analyse")
					.valid(f -> {
					}, null)
					.refused(f -> f.force("niveau", "abc"), null),
				post("analysis/index", "/analyse/moodle").on("/analyse")
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				get("analysis/referential", "/analyse/{id}").on(d -> "/analyse/" + d.referential())
					.valid(f -> f.set("depth", "2"), null)
					.refused(f -> f.force("categoryId", "abc"), "categoryId"),
				post("analysis/mappings", "/analyse/{id}/correspondances").on(d -> "/analyse/" + d.referential() + "/correspondances")
					.valid(f -> f.set("dryRun", "true").file("file", "correspondances.csv", "Module;Compétence;Profondeur\r\n"), null)
					.refused(f -> f.file("file", "correspondances.csv", "Module;Compétence;Profondeur\r\nINCONNU;INCONNUE;profonde\r\n"), "ligne"),
				get("analysis/module", "/modules/{id}/competences").on(d -> "/modules/" + d.module() + "/competences")
					.valid(f -> f.set("referentialId", "" + f.data().referential()), null)
					.refused(f -> f.force("referentialId", "abc"), null),
				post("analysis/module", "/modules/{id}/competences")
					.on(d -> "/modules/" + d.module() + "/competences?referentialId=" + d.referential() + "&branch=" + d.branch())
					.valid(f -> f.set("c" + f.data().competency(), "WORKED"), "Correspondances enregistrées.")
					.refused(f -> f.force("c" + f.data().competency(), "PROFONDE"), null),
				post("analysis/exam", "/analyse/examens").on("/analyse/examens/nouveau")
					.valid(f -> f.set("code", "CE1D-FORMS").set("name", "CE1D formulaires").set("partName", "Lecture")
						.set("partWeight", "100"), null)
					.refused(f -> f.set("code", "CE1D-FORMS").set("name", "CE1D formulaires").set("sessions", "31/02/2027"), "Valeur non reconnue : « 31/02/2027 »")
					.errorBeside("sessions"),
				post("analysis/exam", "/analyse/examens/{code}/supprimer").on(d -> "/analyse/examens/" + d.freshExam())
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken());
	}

	private static List<Case> reviews() {
		return List.of(
				get("reviews/list", "/revues").on("/revues")
					.valid(f -> f.set("etat", "PLANNED"), null)
					.refused(f -> f.force("etat", "EN_VACANCES"), null),
				post("reviews/module", "/revues").on(d -> "/modules/" + d.freshUnreviewedModule())
					.valid(f -> f.set("reviewer", "relect"), null)
					.refused(f -> f.force("reviewer", "personne"), "Aucun compte n’a l’identifiant « personne »").errorBeside("reviewer"),
				post("reviews/campaigns", "/revues/campagnes").on("/revues/campagnes")
					.valid(f -> f.set("name", "Campagne d'hiver").set("dueOn", NEXT_MONTH).set("size", "2").set("reviewer", "relect")
						.press("create"), null)
					.refused(f -> f.set("name", "Campagne vide").set("dueOn", YESTERDAY).set("size", "0").press("create"),
							"Une campagne compte de 1 à 200 modules.").errorBeside("size"),
				post("reviews/review", "/revues/{id}/commencer").as(Owner.REVIEWER).on(d -> "/revues/" + d.freshReview("PLANNED"))
					.valid(f -> {
					}, "Revue commencée.")
					.refusedWithAStaleToken(),
				post("reviews/review", "/revues/{id}/constats").as(Owner.REVIEWER).on(d -> "/revues/" + d.freshReview("IN_REVIEW"))
					.valid(f -> f.everyRadio("3").everyRadio("true"), null)
					.refusedWithAStaleToken(),
				post("reviews/review", "/revues/{id}/modifications").as(Owner.REVIEWER)
					.on(d -> "/revues/" + d.freshReview("IN_REVIEW_TO_CHANGE"))
					.valid(f -> f.set("deadline", NEXT_MONTH), null)
					.refused(f -> f.set("deadline", YESTERDAY), "date limite postérieure").errorBeside("deadline"),
				post("reviews/review", "/revues/{id}/reprendre").as(Owner.REVIEWER)
					.on(d -> "/revues/" + d.freshReview("CHANGES_REQUESTED"))
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				post("reviews/review", "/revues/{id}/approuver").as(Owner.REVIEWER).on(d -> "/revues/" + d.freshReview("IN_REVIEW_PASSING"))
					.valid(f -> {
					}, "approuvée")
					.refusedWithAStaleToken(),
				post("reviews/review", "/revues/{id}/refuser").as(Owner.REVIEWER).on(d -> "/revues/" + d.freshReview("IN_REVIEW"))
					.valid(f -> f.set("reason", "Droits d'image non documentés"), null)
					.refused(f -> f.set("reason", ""), "Un refus se motive").errorBeside("reason"),
				post("reviews/review", "/revues/{id}/relecteur").on(d -> "/revues/" + d.freshReview("PLANNED"))
					.valid(f -> f.set("reviewer", "relect2"), null)
					.refused(f -> f.force("reviewer", "personne"), null),
				post("reviews/rubric", "/revues/grilles").on("/revues/grilles/nouvelle")
					.valid(f -> f.set("code", "FORMS").set("name", "Grille des formulaires").set("passThreshold", "60")
						.set("section", "Forme").set("label", "Orthographe").set("kind", "SCALE").set("scaleMax", "4").set("weight", "1"), null)
					.refused(f -> f.set("code", "FORMS2").set("name", "Seuil impossible").set("passThreshold", "150").set("section", "Forme")
						.set("label", "Orthographe").set("kind", "SCALE").set("scaleMax", "4").set("weight", "1"), "Le seuil de réussite")
					.errorBeside("passThreshold"));
	}

	private static List<Case> administration() {
		return List.of(
				get("modules/list", "/modules").on("/modules")
					.valid(f -> f.set("q", "mathematiques"), null)
					.refused(f -> f.force("sort", "au-hasard"), null),
				get("audit/journal", "/journal").on("/journal")
					.valid(f -> f.set("q", "Lambert"), null)
					.refused(f -> f.force("du", "31/02/2026"), null),
				post("accounts/list", "/comptes").on("/comptes")
					.valid(f -> f.set("username", "relecteur3").set("displayName", "Rita Relecture").set("role", "REVIEWER")
						.set("password", "mot-de-passe-rita-7"), null)
					.refused(f -> f.set("username", "X Y").set("displayName", "Rita").set("role", "REVIEWER")
						.set("password", "mot-de-passe-rita-7"), "Un identifiant a de 2 à 100 caractères").errorBeside("username"),
				post("accounts/list", "/comptes/{u}/activation").on("/comptes").at(d -> "/comptes/" + d.otherReviewer() + "/activation")
					.valid(f -> {
					}, null)
					.refusedWithAStaleToken(),
				post("accounts/list", "/comptes/{u}/mot-de-passe").on("/comptes").at(d -> "/comptes/" + d.otherReviewer() + "/mot-de-passe")
					.valid(f -> f.set("password", "un-nouveau-mot-de-passe-42"), null)
					.refused(f -> f.set("password", "court"), "Un mot de passe a de 12 caractères à 72 octets"));
	}

	static Case post(String template, String action) {
		return new Case(template, "POST", action, Owner.COORDINATOR, d -> "/", null, null, null, null);
	}

	static Case get(String template, String action) {
		return new Case(template, "GET", action, Owner.COORDINATOR, d -> "/", null, null, null, null);
	}

	private FormCases() {
	}
}
