package be.fwb.ead.moodlesim;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import be.fwb.ead.moodlesim.MoodleDataset.Category;
import be.fwb.ead.moodlesim.MoodleDataset.Course;
import be.fwb.ead.moodlesim.MoodleDataset.User;

/**
 * Builds the realistic EAD site: the three levels and their subjects under one EAD root category, 522 modules
 * (names with accents and {@code &}, some hidden, a few without any teacher), about 200 vacataires with French and
 * Belgian names (some without a visible e-mail), about 10,000 learner enrolments, plus what a real site also has:
 * the site course, courses outside the EAD root. Deterministic: the same scale always gives the same site.
 */
public final class EadDataset {

	/** Id of the EAD root category: set {@code MOODLE_CATEGORY_ROOTS} to it. */
	public static final long EAD_ROOT = 2;
	/** First id of the vacataires (teachers); learners start at {@link #FIRST_LEARNER_ID}. */
	public static final long FIRST_STAFF_ID = 2_000;
	public static final long FIRST_LEARNER_ID = 500_000;

	static final String[][] LEVELS = {
			{ "Enseignement fondamental – CEB", "F", "Français", "Mathématiques", "Éveil – Sciences",
					"Éveil – Histoire & Géographie", "Néerlandais", "Philosophie & citoyenneté" },
			{ "Secondaire inférieur – CE1D", "SI", "Français", "Mathématiques", "Sciences", "Histoire", "Géographie",
					"Néerlandais", "Anglais", "Latin" },
			{ "Secondaire supérieur – CESS", "SS", "Français", "Mathématiques", "Physique", "Chimie", "Biologie",
					"Histoire", "Géographie", "Sciences économiques", "Anglais", "Néerlandais", "Philosophie & citoyenneté" } };

	/** The levels of the site and their subjects, as named by the categories: level name → subject names. */
	public static java.util.Map<String, java.util.List<String>> levelsAndSubjects() {
		java.util.Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
		for (String[] level : LEVELS) {
			out.put(level[0], java.util.List.of(java.util.Arrays.copyOfRange(level, 2, level.length)));
		}
		return out;
	}

	private static final String[] YEARS_F = { "3e primaire", "4e primaire", "5e primaire", "6e primaire" };
	private static final String[] YEARS_SI = { "1re secondaire", "2e secondaire", "3e secondaire" };
	private static final String[] YEARS_SS = { "4e secondaire", "5e secondaire", "6e secondaire" };

	/** What the modules of a subject are about (their names: « subject year – topic »), whatever the level. */
	private static final java.util.Map<String, String[]> TOPICS = java.util.Map.ofEntries(
			java.util.Map.entry("Français", new String[] { "Lire & comprendre", "Écrire un texte argumenté", "Grammaire & orthographe",
					"Vocabulaire usuel", "Textes littéraires", "Oral : se présenter", "Résumer un texte", "Le récit", "La poésie" }),
			java.util.Map.entry("Mathématiques", new String[] { "Nombres & opérations", "Fractions & proportions",
					"Géométrie dans l'espace", "Mesures & grandeurs", "Statistique descriptive", "Fonctions du premier degré",
					"Équations & inéquations", "Trigonométrie", "Probabilités", "Résolution de problèmes" }),
			java.util.Map.entry("Éveil – Sciences", new String[] { "Les êtres vivants", "Les écosystèmes", "L'eau & l'air",
					"La matière & ses transformations", "Le corps humain", "Énergie & mouvement" }),
			java.util.Map.entry("Éveil – Histoire & Géographie", new String[] { "Le temps & la ligne du temps", "La vie d'autrefois",
					"Se repérer sur une carte", "La Belgique & ses régions", "Paysages & climats" }),
			java.util.Map.entry("Néerlandais", new String[] { "Woordenschat", "Luisteren & begrijpen", "Spreken : zich voorstellen",
					"Lezen & schrijven", "Grammatica", "Compréhension à l'audition" }),
			java.util.Map.entry("Philosophie & citoyenneté", new String[] { "Argumenter & débattre", "Éthique & société",
					"Vivre ensemble", "Droits & devoirs", "Philosopher : la liberté" }),
			java.util.Map.entry("Sciences", new String[] { "La matière & ses transformations", "Les écosystèmes", "Énergie & puissance",
					"La cellule", "Forces & mouvements", "Électricité" }),
			java.util.Map.entry("Histoire", new String[] { "L'Antiquité", "Le Moyen Âge", "Révolutions & démocratie",
					"La Belgique fédérale", "Les guerres mondiales", "Analyse de documents" }),
			java.util.Map.entry("Géographie", new String[] { "Climats & paysages", "Villes & mobilité", "Se repérer sur une carte",
					"Population & migrations", "Ressources & environnement" }),
			java.util.Map.entry("Anglais", new String[] { "Vocabulary", "Listening comprehension", "Reading & writing", "Grammar",
					"Speaking: introduce yourself" }),
			java.util.Map.entry("Latin", new String[] { "Déclinaisons", "Vocabulaire latin", "Traduire un texte",
					"Civilisation romaine", "Mythologie" }),
			java.util.Map.entry("Physique", new String[] { "Énergie & puissance", "Forces & mouvements", "Électricité", "Optique",
					"Ondes & sons" }),
			java.util.Map.entry("Chimie", new String[] { "Réactions chimiques", "La matière & ses transformations",
					"Le tableau périodique", "Acides & bases", "Stœchiométrie" }),
			java.util.Map.entry("Biologie", new String[] { "La cellule", "Génétique & hérédité", "Les écosystèmes", "Le corps humain",
					"Évolution" }),
			java.util.Map.entry("Sciences économiques", new String[] { "Économie d'entreprise", "Marchés & prix", "Monnaie & banques",
					"Comptabilité", "Économie & société" }));

	/** Topics every subject has. */
	private static final String[] COMMON_TOPICS = { "Préparation à l'épreuve", "Révisions guidées", "Méthodes de travail" };

	/** The topic of a subject's {@code n}-th module, and its round when the subject has more modules than topics. */
	private static String topic(String subject, int n) {
		String[] own = TOPICS.getOrDefault(subject, new String[0]);
		int count = own.length + COMMON_TOPICS.length;
		int i = n % count;
		String topic = i < own.length ? own[i] : COMMON_TOPICS[i - own.length];
		return n >= count ? topic + " (" + (n / count + 1) + ")" : topic;
	}

	private static final String[] FIRST_NAMES = { "Zoë", "Anaïs", "Hélène", "Jérôme", "François", "Noémie", "Chloé",
			"Maël", "Loïc", "Gaëlle", "Cédric", "Frédéric", "Benoît", "Joëlle", "Aurélie", "Sébastien", "Céline",
			"Amélie", "Thérèse", "Raphaël", "Léa", "Élodie", "Mélanie", "Stéphane", "Valérie", "Grégory", "Nathalie",
			"Pierre", "Marie", "Luc", "Anne", "Julien", "Sophie", "Olivier", "Isabelle", "Michaël", "Catherine", "Thomas",
			"Emma", "Hugo", "Inès", "Louis", "Camille", "Arnaud", "Véronique", "Dominique", "Françoise", "Jean-Marc",
			"Marie-Noëlle", "Ophélie", "Bénédicte", "Laurence", "Kevin", "Sarah", "Yasmina", "Mehdi", "Fatima", "Ayoub",
			"Bart", "Els", "Katrien", "Pieter", "Ilse", "Wim", "Greet" };

	private static final String[] LAST_NAMES = { "Dubois", "Lambert", "Peeters", "Janssens", "Maes", "Jacobs",
			"Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dupont", "Martin", "Leroy", "Lemaire",
			"Renard", "Simon", "Laurent", "Hermans", "Michel", "François", "Lefèvre", "Mathieu", "Collard", "Denis",
			"Gérard", "Gilson", "Thiry", "Piette", "Lejeune", "Dumont", "Gobert", "Hubert", "Wéry", "Lecomte", "Pirard",
			"Delvaux", "Noël", "Bastin", "Masson", "Dethier", "Fontaine", "Hanssens", "Van den Broeck", "Vandenberghe",
			"D'Hondt", "Van Damme", "Lefebvre", "Bodart", "Léonard", "Chevalier", "Marchal", "Jadoul", "Grégoire",
			"Bourguignon", "Maréchal", "Lhoest", "Crèvecœur", "Ménard", "Bayot", "El Amrani", "Benali", "Öztürk", "Nguyen" };

	private EadDataset() {
	}

	/** The demo and test site: 522 modules, about 200 vacataires and 10,000 learner enrolments at scale 1. */
	public static MoodleDataset create(int scale) {
		Random random = new Random(20_26L + scale);
		MoodleDataset site = new MoodleDataset();
		long now = 1_763_900_000L;
		site.addCategory(new Category(1, "Divers", 0, "/1", 1, 10_000, true));
		site.addCategory(new Category(EAD_ROOT, "Enseignement à distance (EAD)", 0, "/2", 1, 20_000, true));
		site.addCategory(new Category(90, "Espace vacataires", 0, "/90", 1, 30_000, true));
		site.addCourse(new Course(MoodleDataset.SITE_COURSE_ID, "EAD", "Enseignement à distance – FWB", 0, "", true,
				"site", now - 900 * 86_400L, now - 30 * 86_400L));
		site.addCourse(new Course(3, "SALLEPROFS", "Salle des profs & forum des vacataires", 90, "", true, "topics",
				now - 800 * 86_400L, now - 20 * 86_400L));
		site.addCourse(new Course(4, "FORM-INIT", "Formation initiale des vacataires", 90, "", true, "topics",
				now - 800 * 86_400L, now - 10 * 86_400L));
		site.addCourse(new Course(5, "BAC-A-SABLE", "Bac à sable", 1, "", false, "topics", now - 700 * 86_400L,
				now - 5 * 86_400L));

		List<long[]> subjectCategories = new ArrayList<>();
		List<String> subjectLabels = new ArrayList<>();
		long catId = 10;
		for (int l = 0; l < LEVELS.length; l++) {
			long levelId = catId++;
			site.addCategory(new Category(levelId, LEVELS[l][0], EAD_ROOT, "/2/" + levelId, 2, 20_000 + (l + 1) * 1000, true));
			for (int s = 2; s < LEVELS[l].length; s++) {
				long subjectId = catId++;
				site.addCategory(new Category(subjectId, LEVELS[l][s], levelId, "/2/" + levelId + "/" + subjectId, 3,
						20_000 + (l + 1) * 1000 + s, true));
				subjectCategories.add(new long[] { subjectId, l });
				subjectLabels.add(LEVELS[l][s]);
			}
		}

		int staffPerSubject = 8 * scale;
		long staffId = FIRST_STAFF_ID;
		Set<String> usedNames = new LinkedHashSet<>();
		List<List<Long>> staffBySubject = new ArrayList<>();
		for (int s = 0; s < subjectCategories.size(); s++) {
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < staffPerSubject; i++) {
				User user = newVacataire(staffId++, random, usedNames);
				site.addUser(user);
				ids.add(user.id());
			}
			staffBySubject.add(ids);
		}

		int modulesPerSubject = 522 * scale / subjectCategories.size();
		int extra = 522 * scale - modulesPerSubject * subjectCategories.size();
		long courseId = 100;
		int learnerPool = 4_000 * scale;
		for (int s = 0; s < subjectCategories.size(); s++) {
			long subjectId = subjectCategories.get(s)[0];
			int level = (int) subjectCategories.get(s)[1];
			String[] years = level == 0 ? YEARS_F : level == 1 ? YEARS_SI : YEARS_SS;
			int count = modulesPerSubject + (s < extra ? 1 : 0);
			for (int m = 0; m < count; m++) {
				long id = courseId++;
				String year = years[m % years.length];
				String fullname = subjectLabels.get(s) + " " + year + " – " + topic(subjectLabels.get(s), m);
				String shortname = "EAD-" + LEVELS[level][1] + "-" + code(subjectLabels.get(s)) + "-" + (m + 1);
				boolean visible = random.nextInt(100) >= 6;
				long created = now - (200 + random.nextInt(1500)) * 86_400L;
				// Last changed over the last two years (never before its creation): the staleness of the rankings varies.
				site.addCourse(new Course(id, shortname, fullname, subjectId, "EAD" + id, visible, "topics", created,
						Math.max(created, now - random.nextInt(150) * 730L / 150 * 86_400L)));
				List<Long> staff = staffBySubject.get(s);
				if (m % 67 != 5 || s % 4 != 0) {
					site.assignRole(id, staff.get(random.nextInt(staff.size())), "editingteacher");
					int tutors = 1 + (random.nextInt(3) == 0 ? 1 : 0);
					for (int t = 0; t < tutors; t++) {
						site.assignRole(id, staff.get(random.nextInt(staff.size())), "teacher");
					}
				}
				long[] enrolled = new long[5 + random.nextInt(29)];
				for (int e = 0; e < enrolled.length; e++) {
					enrolled[e] = FIRST_LEARNER_ID + random.nextInt(learnerPool);
				}
				site.enrolLearners(id, java.util.Arrays.stream(enrolled).distinct().toArray());
			}
		}
		addTransversalFramework(site, now);
		addWhatARealSiteHas(site, scale, learnerPool);
		return site;
	}

	/** Learners' first names: none is a vacataire's, so that a learner's name found in the service is a leak. */
	private static final String[] LEARNER_FIRST_NAMES = { "Adèle", "Basile", "Capucine", "Diego", "Éléonore", "Félix",
			"Gaspard", "Héloïse", "Igor", "Jade", "Kylian", "Lina", "Malo", "Nora", "Oscar", "Paloma", "Rayan", "Romane",
			"Sacha", "Timéo", "Ugo", "Victoire", "Wassim", "Yanis", "Zélie", "Aurore", "Brieuc", "Clémence", "Dounia",
			"Elias" };

	/** Learners' family names, none a vacataire's. */
	private static final String[] LEARNER_LAST_NAMES = { "Verhaegen", "Coppens", "Delhaize", "Stiernon", "Wathelet",
			"Fraikin", "Lecocq", "Mouchet", "Houbion", "Rasquin", "Schmitz", "Van Hecke", "Degrève", "Ernoux", "Ghislain",
			"Kinet", "Louette", "Mélotte", "Nyssen", "Oger", "Pâques", "Quoilin", "Rorive", "Sépulchre", "Thonon", "Ubaghs",
			"Vroonen", "Warnotte", "Yernaux", "Zeevaert" };

	/**
	 * What the real Moodle 5.1 site of issue 17 showed and the first data set did not: the learners' accounts (names
	 * and e-mails a careless client would read), suspended and ended enrolments, one hidden subject category, and the
	 * activities of each module (with the course's cache revision). Drawn from its own random sequence, so that the
	 * rest of the data set is what it was.
	 */
	private static void addWhatARealSiteHas(MoodleDataset site, int scale, int learnerPool) {
		Random random = new Random(17_000L + scale);
		for (int i = 0; i < learnerPool; i++) {
			long id = FIRST_LEARNER_ID + i;
			String first = LEARNER_FIRST_NAMES[random.nextInt(LEARNER_FIRST_NAMES.length)];
			String last = LEARNER_LAST_NAMES[random.nextInt(LEARNER_LAST_NAMES.length)];
			String login = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT).replace(" ", "");
			String[] domains = { "gmail.com", "hotmail.be", "skynet.be", "outlook.com", "proximus.be" };
			site.addLearner(new User(id, login + (id % 1000), first, last, login + (id % 97) + "@" + domains[random.nextInt(domains.length)],
					""));
		}
		List<Course> ead = site.coursesUnder(EAD_ROOT);
		for (Course c : ead) {
			// About 7 % of learner enrolments are suspended or past their end date: Moodle keeps them, they do not count.
			for (long learner : site.learners(c.id())) {
				if (random.nextInt(100) < 7) {
					site.deactivateEnrolment(c.id(), learner);
				}
			}
		}
		// A few vacataires' enrolments are suspended too: they no longer tutor there.
		for (int i = 40; i < ead.size(); i += Math.max(1, ead.size() / 3)) {
			long course = ead.get(i).id();
			site.roles(course).keySet().stream().findFirst().ifPresent(u -> site.deactivateEnrolment(course, u));
		}
		// The last subject of the last level is hidden (a subject being prepared); its modules keep their own visibility.
		List<Category> subjects = site.categories().stream().filter(c -> c.depth() == 3).toList();
		Category hidden = subjects.get(subjects.size() - 1);
		site.addCategory(new Category(hidden.id(), hidden.name(), hidden.parent(), hidden.path(), hidden.depth(), hidden.sortorder(),
				false));
		long cmid = 1_000_000L;
		for (Course c : ead) {
			String topic = c.fullname().contains(" – ") ? c.fullname().substring(c.fullname().indexOf(" – ") + 3) : c.fullname();
			List<MoodleDataset.Activity> list = new ArrayList<>();
			long edited = c.timemodified() - random.nextInt(30) * 86_400L;
			list.add(new MoodleDataset.Activity(cmid++, 0, "forum", cmid, "Annonces", true, "", 0, 0, 0));
			list.add(new MoodleDataset.Activity(cmid++, 0, "page", cmid, "Présentation du module et calendrier", true,
					"<p>Objectifs, prérequis et calendrier du module.</p>", edited, 1, 2_000 + random.nextInt(6_000)));
			int lessons = 2 + random.nextInt(4);
			for (int l = 1; l <= lessons; l++) {
				list.add(new MoodleDataset.Activity(cmid++, l, "page", cmid, "Leçon " + l + " – " + topic, true, "",
						edited - l * 3_600L, 1, 5_000 + random.nextInt(40_000)));
				list.add(new MoodleDataset.Activity(cmid++, l, l % 2 == 0 ? "assign" : "quiz", cmid,
						(l % 2 == 0 ? "Devoir " : "Exercices ") + l, random.nextInt(20) != 0, "<p>Consignes.</p>", 0, 0, 0));
			}
			list.add(new MoodleDataset.Activity(cmid++, lessons + 1, "forum", cmid, "Questions au tuteur", true,
					"<p>Posez ici vos questions sur le module.</p>", 0, 0, 0));
			site.setActivities(c.id(), list);
		}
	}


	/**
	 * The one framework kept in Moodle itself (the official référentiels are imported from files): the transversal
	 * competencies of a distance learner, 3 levels, accents and commas in the descriptions.
	 */
	private static void addTransversalFramework(MoodleDataset site, long now) {
		long framework = site.newId();
		site.addFramework(new MoodleDataset.Framework(framework, "Compétences transversales de l'apprenant à distance",
				"EAD-TRANSV", "<p>Compétences travaillées dans tous les modules, quelle que soit la matière.</p>",
				"domain,competency,outcome", true, now - 90 * 86_400L));
		String[][] domains = {
				{ "Apprendre à apprendre", "Planifier, organiser et évaluer son travail d'apprenant, seul et à distance.",
						"Planifier son travail sur la durée d'un module", "Tenir un carnet de bord, repérer ses difficultés",
						"Demander de l'aide au tuteur, au bon moment" },
				{ "Communiquer à distance", "Écrire, lire et échanger par les outils de la plateforme.",
						"Rédiger un message clair, poli et complet", "Participer à un forum, en respectant la nétiquette",
						"Déposer un devoir au bon format" },
				{ "Culture numérique", "Chercher, trier et citer l'information ; protéger ses données.",
						"Chercher une information, en évaluer la fiabilité", "Citer ses sources, respecter le droit d'auteur",
						"Protéger ses données personnelles, ses mots de passe" } };
		for (int d = 0; d < domains.length; d++) {
			MoodleDataset.Competency domain = site.addCompetency(framework, 0, "TRANSV-" + (d + 1), domains[d][0],
					domains[d][1], now);
			for (int c = 2; c < domains[d].length; c++) {
				MoodleDataset.Competency competency = site.addCompetency(framework, domain.id(),
						"TRANSV-" + (d + 1) + "." + (c - 1), domains[d][c], "", now);
				site.addCompetency(framework, competency.id(), competency.idnumber() + ".a",
						"Le fait seul, sans rappel", "Observé dans au moins deux activités, sans consigne ni rappel.", now);
			}
		}
	}

	private static User newVacataire(long id, Random random, Set<String> usedNames) {
		String first;
		String last;
		do {
			first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
			last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
		}
		while (!usedNames.add(first + " " + last) && usedNames.size() < FIRST_NAMES.length * LAST_NAMES.length);
		String login = ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT).replace(" ", "")
				.replace("'", "");
		String username = login + id;
		String email = random.nextInt(100) < 5 ? null : login + "." + id + "@ead.cfwb.be";
		String idnumber = random.nextInt(100) < 70 ? "VAC-" + id : "";
		return new User(id, username, first, last, email, idnumber);
	}

	private static String code(String subject) {
		String letters = ascii(subject).replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
		return letters.substring(0, Math.min(4, letters.length()));
	}

	static String ascii(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("œ", "oe");
	}
}
