package be.fwb.ead.sync;

import java.util.List;
import java.util.Map;

import be.fwb.ead.gdpr.PersonalDataProvider;
import be.fwb.ead.gdpr.PersonalRows;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Moodle mirror's part of a person's data: their roles in the modules, which follow Moodle. Nothing is erased here:
 * an erasure is refused while the person holds a role in a current module (the sync would bring them back), and the
 * roles of archived modules stay as history, without the identity. Whoever held a role worked for the EAD: no retention
 * rule erases them.
 */
@Component
@Order(20)
class ModuleRolePersonalData implements PersonalDataProvider {

	private final DatabaseClient db;

	ModuleRolePersonalData(DatabaseClient db) {
		this.db = db;
	}

	@Override
	public Map<String, String> kept() {
		return Map.of("module_role", "repris de Moodle tant que la personne y garde un rôle (refusé dans ce cas)");
	}

	@Override
	public Mono<String> refusal(long personId) {
		return PersonalRows.count(db, """
				select count(*) from module_role r join module m on m.id = r.module_id
				where r.vacataire_id = :v and m.archived_at is null""", personId)
			.filter(n -> n > 0)
			.map(n -> "La personne a encore un rôle dans un module courant de Moodle : retirez-l’y d’abord, "
					+ "sinon la synchronisation la ferait revenir.");
	}

	@Override
	public Flux<Section> export(Person person) {
		return PersonalRows.read(db, Section.Kind.OWN, "module_role",
				"select row_to_json(t)::text as j from module_role t where vacataire_id = :v", person.id()).flux();
	}

	@Override
	public Mono<Erased> preview(Person person) {
		return Mono.just(Erased.NOTHING);
	}

	@Override
	public Mono<Erased> erase(Person person) {
		return Mono.just(Erased.NOTHING);
	}

	@Override
	public Flux<Long> holds(List<Long> people) {
		return db.sql("select distinct vacataire_id from module_role where vacataire_id = any(:people)")
			.bind("people", people.toArray(Long[]::new))
			.map(r -> r.get("vacataire_id", Long.class))
			.all();
	}
}
